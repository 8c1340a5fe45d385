namespace Egov.IntegrationTests.Announcements;

/// <summary>The real warning files of <c>tests/testdata/cap</c> (sources in tests/testdata/SOURCES.md).</summary>
internal static class CapTestFiles
{
    /// <summary>The folder, found from the test binaries upwards by <c>Egov.sln</c>.</summary>
    public static string Folder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Egov.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "testdata", "cap");
            }
        }

        throw new InvalidOperationException("No Egov.sln above the test binaries.");
    }
}
