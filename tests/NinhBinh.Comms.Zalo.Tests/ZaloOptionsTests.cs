using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NinhBinh.Comms.Zalo.Tests;

/// <summary>
/// ZaloClientOptions bound by the configuration-binding source generator (these tests also run against the
/// netstandard2.0 build), the errors for values that do not convert, and a ToString that never shows a secret.
/// </summary>
public class ZaloOptionsTests
{
    private const string AppSecret = "APP-SECRET-d41d8cd98f00b204";
    private const string OaSecretKey = "OA-SECRET-e9800998ecf8427e";
    private const string Verifier = "VERIFIER-dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gF";

    private static ZaloClientOptions Bind(Dictionary<string, string?> values, Func<IConfiguration, IConfiguration>? pick = null)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddZaloOfficialAccount(pick?.Invoke(config) ?? config);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ZaloClientOptions>>().Value;
    }

    [Fact]
    public void Every_setting_is_bound_from_the_zalo_section()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            ["Zalo:AppId"] = "app-1",
            ["Zalo:AppSecret"] = AppSecret,
            ["Zalo:OaSecretKey"] = OaSecretKey,
            ["Zalo:OpenApiBaseUrl"] = "http://127.0.0.1:5000/",
            ["Zalo:OAuthBaseUrl"] = "http://127.0.0.1:5001/",
            ["Zalo:BusinessApiBaseUrl"] = "http://127.0.0.1:5002/",
            ["Zalo:TokenStorePath"] = "/var/lib/nbcomms/zalo",
            ["Zalo:DefaultOaId"] = "oa-9",
            ["Zalo:CodeVerifier"] = Verifier,
            ["Zalo:UseAppSecretProof"] = "true",
            ["Zalo:RefreshBeforeExpiry"] = "00:20:00",
            ["Zalo:RequestTimeout"] = "00:00:45",
            ["Zalo:RequestsPerMinute"] = "1200",
            ["Zalo:Retry:Enabled"] = "false",
            ["Zalo:Retry:MaxRetries"] = "5",
            ["Zalo:Retry:BaseDelay"] = "00:00:02",
            ["Zalo:Retry:MaxDelay"] = "00:01:00",
        });

        Assert.Equal("app-1", options.AppId);
        Assert.Equal(AppSecret, options.AppSecret);
        Assert.Equal(OaSecretKey, options.OaSecretKey);
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), options.OpenApiBaseUrl);
        Assert.Equal(new Uri("http://127.0.0.1:5001/"), options.OAuthBaseUrl);
        Assert.Equal(new Uri("http://127.0.0.1:5002/"), options.BusinessApiBaseUrl);
        Assert.Equal("/var/lib/nbcomms/zalo", options.TokenStorePath);
        Assert.Equal("oa-9", options.DefaultOaId);
        Assert.Equal(Verifier, options.CodeVerifier);
        Assert.True(options.UseAppSecretProof);
        Assert.Equal(TimeSpan.FromMinutes(20), options.RefreshBeforeExpiry);
        Assert.Equal(TimeSpan.FromSeconds(45), options.RequestTimeout);
        Assert.Equal(1200, options.RequestsPerMinute);
        Assert.False(options.Retry.Enabled);
        Assert.Equal(5, options.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Retry.BaseDelay);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Retry.MaxDelay);
    }

    [Fact]
    public void Settings_not_in_configuration_keep_their_defaults_and_the_section_itself_can_be_passed()
    {
        var options = Bind(new Dictionary<string, string?> { ["Zalo:AppId"] = "app-1", ["Zalo:AppSecret"] = AppSecret, ["Zalo:Retry:MaxRetries"] = "1" },
            config => config.GetSection("Zalo"));
        var defaults = new ZaloClientOptions();

        Assert.Equal("app-1", options.AppId);
        Assert.Equal(defaults.OpenApiBaseUrl, options.OpenApiBaseUrl);
        Assert.Equal(defaults.RequestTimeout, options.RequestTimeout);
        Assert.Equal(defaults.RequestsPerMinute, options.RequestsPerMinute);
        Assert.Equal(1, options.Retry.MaxRetries);
        Assert.Equal(defaults.Retry.BaseDelay, options.Retry.BaseDelay);
        Assert.True(options.Retry.Enabled);
    }

    [Theory]
    [InlineData("RequestTimeout", "soon")]
    [InlineData("RefreshBeforeExpiry", "ten minutes")]
    [InlineData("RequestsPerMinute", "many")]
    [InlineData("UseAppSecretProof", "maybe")]
    [InlineData("Retry:MaxRetries", "three")]
    [InlineData("Retry:Enabled", "sometimes")]
    [InlineData("Retry:BaseDelay", "1s")]
    public void A_value_that_does_not_convert_is_reported_with_its_key(string key, string value)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Bind(new Dictionary<string, string?>
        {
            ["Zalo:AppId"] = "app-1",
            ["Zalo:AppSecret"] = AppSecret,
            ["Zalo:" + key] = value,
        }));

        Assert.Contains("'Zalo:" + key + "'", ex.Message);
        Assert.Contains("'" + value + "'", ex.Message);
        Assert.DoesNotContain(AppSecret, ex.Message);
    }

    [Fact]
    public void A_relative_url_is_reported_with_its_key_when_the_client_is_built()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Zalo:AppId"] = "app-1",
            ["Zalo:AppSecret"] = AppSecret,
            ["Zalo:OpenApiBaseUrl"] = "openapi.zalo.me",
        }).Build();
        var services = new ServiceCollection();
        services.AddZaloOfficialAccount(config);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IZaloClientFactory>());

        Assert.Contains("Zalo:OpenApiBaseUrl must be an absolute http or https URL.", ex.Failures);
    }

    [Fact]
    public void ToString_lists_the_settings_but_never_a_secret()
    {
        var options = new ZaloClientOptions
        {
            AppId = "app-1",
            AppSecret = AppSecret,
            OaSecretKey = OaSecretKey,
            CodeVerifier = Verifier,
            OpenApiBaseUrl = new Uri("https://user:PASSWORD-IN-URL@gateway.example/zalo/?key=KEY-IN-QUERY"),
            TokenStorePath = "/var/lib/nbcomms/zalo",
            RequestsPerMinute = 1200,
            Retry = new ZaloRetryOptions { MaxRetries = 2 },
        };

        var text = options.ToString();

        foreach (var secret in new[] { AppSecret, OaSecretKey, Verifier, "PASSWORD-IN-URL", "KEY-IN-QUERY" })
        {
            Assert.DoesNotContain(secret, text);
        }

        Assert.Contains("AppId = app-1", text);
        Assert.Contains("AppSecret = ***", text);
        Assert.Contains("OaSecretKey = ***", text);
        Assert.Contains("CodeVerifier = ***", text);
        Assert.Contains("OpenApiBaseUrl = https://gateway.example/zalo/", text);
        Assert.Contains("TokenStorePath = /var/lib/nbcomms/zalo", text);
        Assert.Contains("RequestsPerMinute = 1200", text);
        Assert.Contains("RequestTimeout = 00:00:30", text);
        Assert.Contains("MaxRetries = 2", text);
    }

    [Fact]
    public void ToString_says_which_secrets_are_not_set()
    {
        var text = new ZaloClientOptions { AppId = "app-1", AppSecret = AppSecret }.ToString();

        Assert.Contains("AppSecret = ***", text);
        Assert.Contains("OaSecretKey = (not set)", text);
        Assert.Contains("CodeVerifier = (not set)", text);
        Assert.Contains("DefaultOaId = (not set)", text);
    }

    [Fact]
    public void Retry_options_describe_themselves()
        => Assert.Equal("Enabled = True, MaxRetries = 3, BaseDelay = 00:00:01, MaxDelay = 00:00:30", new ZaloRetryOptions().ToString());
}
