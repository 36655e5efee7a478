using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Metrics.Tests;

/// <summary>What a source yields is checked before anything is stored (the Zalo source itself runs against the emulator in the integration tests).</summary>
public class KpiCollectorTests
{
    private static readonly ObservationRequest Request = new("14329", "Trang Hoa Lư", new DateTime(2026, 11, 1), new DateTime(2026, 11, 28));

    [Fact]
    public async Task Figures_become_observations_of_the_requested_channel()
    {
        using var store = SqliteKpiStore.InMemory(timeProvider: KpiFixture.Clock);
        var source = new ListSource("facebook", new SourceObservation(MetricCatalog.ContentViewsLifetime, 1200, new DateTime(2026, 11, 27), new DateTime(2026, 11, 27)) { SourceMetric = "post_media_view@v23.0" });

        var result = await KpiCollector.CollectAsync(source, store, Request);

        Assert.Equal(1, result.Imported);
        var stored = Assert.Single(await store.QueryAsync(new KpiQuery("14329", MetricCatalog.ContentViewsLifetime, Request.From, Request.To) { UpToOnly = true }));
        Assert.Equal(("14329", "Trang Hoa Lư", KpiPlatform.Facebook, 1200m, "post_media_view@v23.0"), (stored.UnitCode, stored.Channel, stored.Platform, stored.Value, stored.SourceMetric));
    }

    [Theory]
    [InlineData("facebook", "content.likes", 1, "not a canonical metric key")]
    [InlineData("facebook", "content.views", -1, "negative content.views")]
    [InlineData("myspace", "content.views", 1, "'myspace' is not one of")]
    public async Task A_bad_figure_imports_nothing(string platform, string metric, int value, string reason)
    {
        using var store = SqliteKpiStore.InMemory(timeProvider: KpiFixture.Clock);
        var good = new SourceObservation(MetricCatalog.ContentViews, 5, new DateTime(2026, 11, 27), new DateTime(2026, 11, 27));
        var source = new ListSource(platform, good, good with { Metric = metric, Value = value, PeriodStart = new DateTime(2026, 11, 26), PeriodEnd = new DateTime(2026, 11, 26) });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => KpiCollector.CollectAsync(source, store, Request));

        Assert.Contains(reason, error.Message);
        Assert.Empty(await store.QueryAsync(new KpiQuery("14329", MetricCatalog.ContentViews, Request.From, Request.To)));
    }

    private sealed class ListSource(string platform, params SourceObservation[] figures) : IObservationSource
    {
        public string Platform => platform;

        public IReadOnlyList<string> Metrics => new[] { MetricCatalog.ContentViews };

        public async IAsyncEnumerable<SourceObservation> CollectAsync(ObservationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var figure in figures)
            {
                await Task.Yield();
                yield return figure;
            }
        }
    }
}
