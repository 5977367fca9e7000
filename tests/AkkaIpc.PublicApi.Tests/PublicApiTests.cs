using System.Reflection;
using System.Text;
using PublicApiGenerator;

namespace AkkaIpc.PublicApi.Tests;

/// <summary>
/// Pins the public API of every AkkaIpc library, as Akka.NET pins its own: the surface PublicApiGenerator prints must
/// equal <c>approved/&lt;assembly&gt;.approved.txt</c>, so a change to it shows in review. After an intended change,
/// regenerate the files with <c>AKKAIPC_ACCEPT_API=1 dotnet test tests/AkkaIpc.PublicApi.Tests</c> and commit them.
/// </summary>
public sealed class PublicApiTests
{
    private const string AcceptVariable = "AKKAIPC_ACCEPT_API";

    private static readonly string ApprovedDirectory = typeof(PublicApiTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ApprovedDirectory").Value!;

    /// <summary>The libraries next to this assembly: every project under src/ that it references.</summary>
    public static TheoryData<string> Libraries()
    {
        var self = typeof(PublicApiTests).Assembly.GetName().Name;
        var names = Directory.GetFiles(AppContext.BaseDirectory, "AkkaIpc*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name != self)
            .Order(StringComparer.Ordinal);
        return new TheoryData<string>(names!);
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Public_API_matches_the_approved_file(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var actual = Normalize(assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            // The target framework and build metadata change with the build, not with the API.
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        }));
        var approvedPath = Path.Combine(ApprovedDirectory, assemblyName + ".approved.txt");
        var receivedPath = Path.Combine(ApprovedDirectory, assemblyName + ".received.txt");

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(approvedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : null;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail(approved is null
            ? $"{assemblyName} has no approved public API file ({approvedPath}). If the surface in {receivedPath} is intended, " +
              $"run: {AcceptVariable}=1 dotnet test tests/AkkaIpc.PublicApi.Tests"
            : $"The public API of {assemblyName} changed (- approved, + now):\n{Diff(approved, actual)}\n" +
              $"If the change is intended, run: {AcceptVariable}=1 dotnet test tests/AkkaIpc.PublicApi.Tests, and commit {approvedPath}");
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd() + "\n";

    /// <summary>A line diff by longest common subsequence, printing only the changed lines.</summary>
    private static string Diff(string approved, string actual)
    {
        var a = approved.Split('\n');
        var b = actual.Split('\n');
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
        }

        var diff = new StringBuilder();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1]))
            {
                diff.Append("- ").AppendLine(a[x++]);
            }
            else
            {
                diff.Append("+ ").AppendLine(b[y++]);
            }
        }

        return diff.ToString();
    }
}
