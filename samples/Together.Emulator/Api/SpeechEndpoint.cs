using System;
using System.Buffers.Binary;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Together.Emulator;

/// <summary>
/// <c>POST /v1/audio/speech</c>: silence lasting 20 ms per character of input (at most 2 s), as a WAV file
/// (<c>audio/wav</c>, 16-bit mono, the default), silent MP3 frames (<c>audio/mpeg</c>), raw PCM
/// (<c>application/octet-stream</c>), or with <c>stream: true</c> as base64 raw chunks in Server-Sent Events.
/// </summary>
internal static class SpeechEndpoint
{
    private const int ChunkBytes = 4096;

    public static Task HandleAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<Gate>().JsonAsync(
            context, ApiJson.Default.SpeechRequest, Shape, RespondAsync);

    private static CallShape Shape(SpeechRequest request) =>
        CallShape.Require(request.Model, "model")
        ?? CallShape.Require(request.Input, "input")
        ?? CallShape.Require(request.Voice, "voice")
        ?? (request.ResponseFormat is null or "wav" or "mp3" or "raw"
            ? new CallShape(request.Model, FakeText.PromptTokens(request.Input!), request.Stream == true)
            : CallShape.Invalid("The 'response_format' field must be mp3, wav or raw.", "response_format"));

    private static async Task RespondAsync(HttpContext context, SpeechRequest request, Call call)
    {
        var rate = request.SampleRate is > 0 and <= 192_000 ? request.SampleRate.Value : 44_100;
        var seconds = Math.Min(2.0, request.Input!.Length * 0.02);
        var samples = Math.Max(1, (int)(rate * seconds));
        if (request.Stream == true)
        {
            await StreamAsync(context, request, call, Raw(request.ResponseEncoding, samples));
            return;
        }

        var (type, body) = request.ResponseFormat switch
        {
            "mp3" => ("audio/mpeg", Mp3(seconds)),
            "raw" => ("application/octet-stream", Raw(request.ResponseEncoding, samples)),
            _ => ("audio/wav", Wav(rate, samples)),
        };
        context.Response.ContentType = type;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static async Task StreamAsync(HttpContext context, SpeechRequest request, Call call, byte[] audio)
    {
        var stream = new SseWriter(context, call);
        await stream.StartAsync();
        for (var offset = 0; offset < audio.Length; offset += ChunkBytes)
        {
            var slice = audio.AsSpan(offset, Math.Min(ChunkBytes, audio.Length - offset));
            var chunk = new SpeechChunk("audio.tts.chunk", request.Model!, Convert.ToBase64String(slice));
            if (!await stream.WriteAsync(chunk, ApiJson.Default.SpeechChunk))
            {
                return;
            }
        }

        await stream.FinishAsync();
    }

    private static byte[] Wav(int rate, int samples)
    {
        var data = samples * 2;
        var wav = new byte[44 + data];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), 36 + data);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), rate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), data);
        return wav;
    }

    // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz frames (417 bytes, 26 ms each) with empty side info: silence.
    private static byte[] Mp3(double seconds)
    {
        const int frame = 417;
        var frames = Math.Max(1, (int)(seconds / 0.026));
        var mp3 = new byte[frames * frame];
        for (var i = 0; i < frames; i++)
        {
            mp3[i * frame] = 0xFF;
            mp3[i * frame + 1] = 0xFB;
            mp3[i * frame + 2] = 0x90;
            mp3[i * frame + 3] = 0x64;
        }

        return mp3;
    }

    private static byte[] Raw(string? encoding, int samples)
    {
        var (width, silence) = encoding switch
        {
            "pcm_s16le" => (2, (byte)0),
            "pcm_mulaw" => (1, (byte)0xFF),
            "pcm_alaw" => (1, (byte)0xD5),
            _ => (4, (byte)0),
        };
        var raw = new byte[samples * width];
        Array.Fill(raw, silence);
        return raw;
    }
}
