using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Garnet;
using StackExchange.Redis;

namespace Together.Generated.Redis.Tests;

/// <summary>
/// A Redis-protocol server for one test: Microsoft Garnet in-process with Lua on, or, when TOGETHER_TEST_REDIS names
/// one (host:port), that server, whose keys the test then namespaces by its own prefix.
/// </summary>
internal sealed class RedisServer : IDisposable
{
    private GarnetServer? _garnet;

    private RedisServer(GarnetServer? garnet, string endpoint)
    {
        _garnet = garnet;
        Endpoint = endpoint;
        Connection = ConnectionMultiplexer.Connect(new ConfigurationOptions
        {
            EndPoints = { endpoint },
            AbortOnConnectFail = false,
            ConnectTimeout = 1000,
            SyncTimeout = 1000,
            AsyncTimeout = 1000,
        });
    }

    public string Endpoint { get; }

    public ConnectionMultiplexer Connection { get; }

    public bool IsGarnet => _garnet is not null;

    public static RedisServer Start()
    {
        if (Environment.GetEnvironmentVariable("TOGETHER_TEST_REDIS") is { Length: > 0 } external)
        {
            return new RedisServer(null, external);
        }

        var port = FreePort();
        var garnet = new GarnetServer(
            [
                "--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--lua", "true",

                // Without it Garnet runs scripts from different connections interleaved: Redis never does.
                "--lua-transaction-mode", "true",
            ]);
        garnet.Start();
        return new RedisServer(garnet, $"127.0.0.1:{port}");
    }

    /// <summary>Stops the in-process server mid-test (the store becomes unreachable).</summary>
    public void Stop()
    {
        _garnet?.Dispose();
        _garnet = null;
    }

    public void Dispose()
    {
        Connection.Dispose();
        Stop();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
