using Egov.Modules.Forms.Contracts;

namespace Egov.Modules.Handoff.Features.Handoffs;

/// <summary>
/// The words of the reads Handoff records in Forms' case access log (<see cref="RecordCaseReadCommand"/>):
/// a specialist system's service account reading its feed or a document, staff exporting for the e-file.
/// Documents are named as the case API names its own reads, so the log reads the same whoever read.
/// </summary>
internal static class CaseReads
{
    /// <summary>A feed page that carried the case's event (its data and document list).</summary>
    public static string Feed(string target) => $"handoff-feed:{target}";

    /// <summary>The case's event as accepted by a push target (its data, documents inline).</summary>
    public static string Push(string target) => $"handoff-push:{target}";

    /// <summary>The reader's <c>sub</c> for a push target, which has no account of its own: <c>handoff:{target}</c>.</summary>
    public static string PushSubject(string target) => $"handoff:{target}";

    /// <summary>The reader's name for a push target, e.g. <c>Fachverfahren steueramt</c>.</summary>
    public static string PushTarget(string target) => $"Fachverfahren {target}";

    /// <summary>An xdomea export of the whole case.</summary>
    public const string XdomeaExport = "xdomea-export";

    /// <summary>The reader's name for a pull target's service account, e.g. <c>Fachverfahren parken (Dienstkonto)</c>.</summary>
    public static string ServiceAccount(string target) => $"Fachverfahren {target} (Dienstkonto)";

    /// <summary>A downloaded document: <c>receipt</c>, <c>attachment:{id}</c>, <c>decision-notice:{id}</c>.</summary>
    public static string Document(CaseDocument document) => document.Kind == CaseDocumentKinds.Receipt ? "receipt" : $"{document.Kind}:{document.Id}";
}
