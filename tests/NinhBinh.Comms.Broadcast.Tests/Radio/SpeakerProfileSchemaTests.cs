using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Json.Schema;
using NinhBinh.Comms.Broadcast.Radio;

namespace NinhBinh.Comms.Broadcast.Tests.Radio;

public sealed class SpeakerProfileSchemaTests
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    [Fact]
    public void There_is_one_draft_2020_12_schema_per_message_kind()
    {
        Assert.Equal(7 + 6, SpeakerProfileSchemas.FileNames.Count);
        foreach (var name in SpeakerProfileSchemas.FileNames)
        {
            using var doc = JsonDocument.Parse(SpeakerProfileSchemas.GetSchemaText(name));
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", doc.RootElement.GetProperty("$schema").GetString());
            Assert.EndsWith("/" + name, doc.RootElement.GetProperty("$id").GetString(), StringComparison.Ordinal);
            var required = doc.RootElement.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ToArray();
            Assert.Contains("version", required);
            Assert.Contains("kind", required);
            Assert.Contains(name.StartsWith("command-", StringComparison.Ordinal) ? "commandId" : "deviceId", required);
        }
    }

    [Fact]
    public void The_docs_site_copies_equal_the_schemas_shipped_in_the_package()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "DocsSchemas");
        Assert.Equal(SpeakerProfileSchemas.FileNames.OrderBy(n => n, StringComparer.Ordinal), Directory.GetFiles(dir).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
        foreach (var name in SpeakerProfileSchemas.FileNames)
        {
            Assert.Equal(SpeakerProfileSchemas.GetSchemaText(name), File.ReadAllText(Path.Combine(dir, name)));
        }
    }

    [Fact]
    public void Every_command_the_SDK_writes_validates_against_its_kind_schema()
    {
        var kinds = SpeakerSamples.Commands().Select(c =>
        {
            AssertValid(SpeakerProfileSchemas.CommandFileName(c.Kind), SpeakerMessageSerializer.Serialize(c));
            return c.Kind;
        }).Distinct().Count();
        Assert.Equal(7, kinds);
    }

    [Fact]
    public void Every_event_the_SDK_writes_validates_against_its_kind_schema()
    {
        var kinds = SpeakerSamples.Events().Select(e =>
        {
            AssertValid(SpeakerProfileSchemas.EventFileName(e.Kind), SpeakerMessageSerializer.Serialize(e));
            return e.Kind;
        }).Distinct().Count();
        Assert.Equal(6, kinds);
    }

    [Theory]
    [InlineData("command-play.schema.json", """{"version":"1.0","kind":"play","issuedAt":"2026-11-28T15:30:00+07:00","priority":"normal","url":"https://a.vn/x.mp3"}""")]
    [InlineData("command-play.schema.json", """{"version":"1.0","kind":"play","commandId":"c1","issuedAt":"2026-11-28T15:30:00+07:00","priority":"urgent","url":"https://a.vn/x.mp3"}""")]
    [InlineData("command-play.schema.json", """{"version":"1.0","kind":"play","commandId":"c1","issuedAt":"2026-11-28T15:30:00+07:00","priority":"normal","url":"ftp://a.vn/x.mp3"}""")]
    [InlineData("command-volume.schema.json", """{"version":"1.0","kind":"volume","commandId":"c1","issuedAt":"2026-11-28T15:30:00+07:00","level":101}""")]
    [InlineData("command-volume.schema.json", """{"version":"2.0","kind":"volume","commandId":"c1","issuedAt":"2026-11-28T15:30:00+07:00","level":10}""")]
    [InlineData("command-ping.schema.json", """{"version":"1.0","kind":"ping","commandId":"c 1","issuedAt":"2026-11-28T15:30:00+07:00"}""")]
    [InlineData("event-state.schema.json", """{"version":"1.0","kind":"state","deviceId":"d1","at":"2026-11-28T15:30:00+07:00"}""")]
    [InlineData("event-ack.schema.json", """{"version":"1.0","kind":"ack","deviceId":"d1","at":"2026-11-28T15:30:00+07:00","commandId":"c1","extra":1}""")]
    public void The_schemas_reject_payloads_that_break_the_profile(string schema, string json)
    {
        Assert.False(Evaluate(schema, Encoding.UTF8.GetBytes(json)).IsValid);
    }

    [Fact]
    public void The_schema_of_one_kind_rejects_a_payload_of_another()
    {
        var ping = SpeakerMessageSerializer.Serialize(SpeakerCommand.Ping("c1", SpeakerSamples.At));
        Assert.True(Evaluate("command-ping.schema.json", ping).IsValid);
        Assert.False(Evaluate("command-reboot.schema.json", ping).IsValid);
    }

    [Fact]
    public void An_unknown_schema_name_is_an_argument_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => SpeakerProfileSchemas.GetSchemaText("command-dance.schema.json"));
        Assert.Equal("fileName", ex.ParamName);
    }

    internal static void AssertValid(string schemaName, byte[] payload)
    {
        var result = Evaluate(schemaName, payload);
        Assert.True(result.IsValid, schemaName + " rejects " + Encoding.UTF8.GetString(payload) + ": " + string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + " " + e.Key + " " + e.Value))));
    }

    private static EvaluationResults Evaluate(string schemaName, byte[] payload)
    {
        var schema = Schemas.GetOrAdd(schemaName, n => JsonSchema.FromText(SpeakerProfileSchemas.GetSchemaText(n)));
        using var doc = JsonDocument.Parse(payload);
        return schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
    }
}
