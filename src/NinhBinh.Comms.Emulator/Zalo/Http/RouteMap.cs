using System;

namespace NinhBinh.Comms.Emulator;

/// <summary>Registers one route: the HTTP method, the path, the surface it belongs to and its handler.</summary>
internal delegate void RouteMap(string method, string pattern, Surface surface, Func<ApiRequest, Reply> handler);
