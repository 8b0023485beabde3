using YamlDotNet.RepresentationModel;

namespace Together.Generated.Generator.Limits;

/// <summary>Reads the small sections: <c>batches</c> and <c>adaptive</c>.</summary>
internal static class SettingsSection
{
    public static BatchSpec ReadBatches(LimitsYamlReader reader, YamlNode node)
    {
        var defaults = BatchSpec.Default;
        if (reader.Mapping(node, "batches") is not { } map)
        {
            return defaults;
        }

        const string Prefix = "batches.";
        var entries = reader.Entries(
            map, "batches", "max_requests_per_batch", "max_batches_in_flight", "max_file_size");
        return new BatchSpec(
            LimitsYamlReader.Optional(entries, Prefix, "max_requests_per_batch", (n, k) => reader.Int(n, k, 1))
                ?? defaults.MaxRequestsPerBatch,
            LimitsYamlReader.Optional(entries, Prefix, "max_batches_in_flight", (n, k) => reader.Int(n, k, 1))
                ?? defaults.MaxBatchesInFlight,
            LimitsYamlReader.Optional(entries, Prefix, "max_file_size", reader.Size) ?? defaults.MaxFileBytes);
    }

    public static AdaptiveSpec ReadAdaptive(LimitsYamlReader reader, YamlNode node)
    {
        var defaults = AdaptiveSpec.Default;
        if (reader.Mapping(node, "adaptive") is not { } map)
        {
            return defaults;
        }

        const string Prefix = "adaptive.";
        var entries = reader.Entries(map, "adaptive", "enabled", "cold_start_fraction");
        return new AdaptiveSpec(
            LimitsYamlReader.Optional(entries, Prefix, "enabled", reader.Bool) ?? defaults.Enabled,
            LimitsYamlReader.Optional(entries, Prefix, "cold_start_fraction", (n, k) => reader.Fraction(n, k, false))
                ?? defaults.ColdStartFraction);
    }
}
