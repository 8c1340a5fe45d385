namespace Egov.Modules.Announcements.Tests.Engines.Cap;

/// <summary>
/// The CAP test files (public examples; sources and licences in <c>tests/testdata/SOURCES.md</c>),
/// in the repository under <c>tests/testdata/cap</c> (found from the folder holding Egov.sln above
/// the test binaries). <c>EGOV_SHARED_TESTDATA</c> may point at another <c>testdata</c> folder.
/// </summary>
internal static class CapTestData
{
    private static readonly Lazy<string> Folder = new(Locate);

    /// <summary>The folder holding the CAP test files.</summary>
    public static string Directory => Folder.Value;

    /// <summary>The full path of a test file.</summary>
    public static string PathOf(string fileName)
    {
        var path = System.IO.Path.Combine(Directory, fileName);
        Assert.True(File.Exists(path), $"CAP test file {fileName} not found in {Directory}.");
        return path;
    }

    /// <summary>Opens a test file for reading.</summary>
    public static FileStream Open(string fileName) => File.OpenRead(PathOf(fileName));

    /// <summary>The names of all files in the folder.</summary>
    public static IEnumerable<string> AllFileNames() =>
        System.IO.Directory.EnumerateFiles(Directory).Select(path => System.IO.Path.GetFileName(path)!);

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("EGOV_SHARED_TESTDATA");
        if (!string.IsNullOrEmpty(configured))
        {
            return Existing(System.IO.Path.Combine(configured, "cap"), "EGOV_SHARED_TESTDATA");
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Egov.sln")))
            {
                return Existing(System.IO.Path.Combine(directory.FullName, "tests", "testdata", "cap"), "the repository's tests/testdata");
            }
        }

        throw new InvalidOperationException($"No Egov.sln above {AppContext.BaseDirectory}: cannot locate tests/testdata/cap.");
    }

    private static string Existing(string folder, string origin) =>
        System.IO.Directory.Exists(folder)
            ? folder
            : throw new InvalidOperationException(
                $"The CAP test files are not at {folder} (from {origin}); they belong to the repository (tests/testdata/cap), or set EGOV_SHARED_TESTDATA to a testdata folder.");
}
