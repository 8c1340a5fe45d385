using System.Xml.Linq;

namespace Egov.ArchitectureTests;

/// <summary>
/// The same boundaries as <see cref="ModuleDependencyTests"/>, read from the .csproj files: a
/// forbidden project reference is caught even before any code uses it.
/// </summary>
public sealed class ProjectReferenceTests
{
    internal static readonly string RepositoryRoot = FindRepositoryRoot();
    private static readonly string Src = Path.Combine(RepositoryRoot, "src");
    private static readonly string KernelProject = Path.Combine(Src, "Modules", "Shared", EgovModule.Kernel, $"{EgovModule.Kernel}.csproj");

    private static readonly string[] SharedEngineProjects = [.. EgovModule.SharedEngines.Select(engine => Path.Combine(Src, "Modules", "Shared", engine, $"{engine}.csproj"))];

    [Theory]
    [MemberData(nameof(EgovModule.Names), MemberType = typeof(EgovModule))]
    public void ModuleProject_ReferencesOnlyKernelAndContracts(string name)
    {
        var module = EgovModule.Named(name);

        var references = ProjectReferences(ProjectPath(module, module.Namespace))
            .Where(r => r != KernelProject && !SharedEngineProjects.Contains(r) && !IsContractsProject(r))
            .Select(Relative);

        ArchitectureAssert.NoneOf(references, $"{module.Namespace}.csproj may reference only {EgovModule.Kernel}, the shared engines and *.Contracts projects");
    }

    [Theory]
    [MemberData(nameof(EgovModule.Names), MemberType = typeof(EgovModule))]
    public void ContractsProject_ReferencesOnlyKernel(string name)
    {
        var module = EgovModule.Named(name);

        var references = ProjectReferences(ProjectPath(module, module.ContractsNamespace))
            .Where(r => r != KernelProject)
            .Select(Relative);

        ArchitectureAssert.NoneOf(references, $"{module.ContractsNamespace}.csproj may reference only {EgovModule.Kernel}");
    }

    [Fact]
    public void SharedEngines_ReferenceNoProjectAtAll()
    {
        var references = SharedEngineProjects.SelectMany(project => ProjectReferences(project).Select(r => $"{Relative(project)} -> {Relative(r)}"));

        ArchitectureAssert.NoneOf(references, "a shared engine knows no module and not even the kernel");
    }

    [Fact]
    public void SrcProjects_WhenNotHost_DoNotReferenceModuleImplementations()
    {
        var offending =
            from project in Directory.EnumerateFiles(Src, "*.csproj", SearchOption.AllDirectories)
            where Path.GetFileNameWithoutExtension(project) != EgovModule.Host
            from reference in ProjectReferences(project)
            where IsModuleImplementationProject(reference)
            select $"{Relative(project)} -> {Relative(reference)}";

        ArchitectureAssert.NoneOf(offending, $"only {EgovModule.Host} may reference module implementation projects");
    }

    [Fact]
    public void ModuleList_WhenComparedWithSrcModules_NamesEveryModuleFolder()
    {
        var folders = Directory.EnumerateDirectories(Path.Combine(Src, "Modules"))
            .Select(Path.GetFileName)
            .Where(folder => folder != "Shared")
            .Order(StringComparer.Ordinal);

        Assert.Equal(folders, EgovModule.All.Select(m => m.Name).Order(StringComparer.Ordinal));
    }

    private static string ProjectPath(EgovModule module, string project) =>
        Path.Combine(Src, "Modules", module.Name, project, $"{project}.csproj");

    /// <summary>Full paths of the project's &lt;ProjectReference Include="..."/&gt; items.</summary>
    private static string[] ProjectReferences(string project)
    {
        Assert.True(File.Exists(project), $"{project} not found");
        var directory = Path.GetDirectoryName(project)!;
        var includes = XDocument.Load(project).Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>();
        return [.. includes.Select(include => Path.GetFullPath(Path.Combine(directory, include.Replace('\\', '/'))))];
    }

    private static string Relative(string path) => Path.GetRelativePath(RepositoryRoot, path);

    private static bool IsContractsProject(string project) =>
        Path.GetFileName(project).EndsWith(".Contracts.csproj", StringComparison.Ordinal);

    private static bool IsModuleImplementationProject(string project) =>
        Path.GetFileName(project).StartsWith("Egov.Modules.", StringComparison.Ordinal) && !IsContractsProject(project);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Egov.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Egov.sln above {AppContext.BaseDirectory}.");
    }
}
