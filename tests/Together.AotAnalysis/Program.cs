// Nothing to run: the build is the check. Naming the client keeps it (and what it reaches) in the analysis.
using var client = new Together.TogetherClient(new Together.Generated.TogetherClientOptions { ApiKey = "unused" });
System.Console.WriteLine(Together.Models.TogetherJson.Options.TypeInfoResolver);
