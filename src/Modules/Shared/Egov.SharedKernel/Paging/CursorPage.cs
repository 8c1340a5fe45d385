namespace Egov.SharedKernel.Paging;

/// <summary>
/// One page of a list read with keyset (cursor) paging. Pass <see cref="NextCursor"/> back as the
/// <c>cursor</c> query parameter to get the following page; it is <c>null</c> on the last page.
/// Cursors are opaque to clients and stay valid while rows are inserted, unlike offsets.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page, in the list's order.</param>
/// <param name="NextCursor">Opaque cursor of the next page, or <c>null</c> when there is none.</param>
public sealed record CursorPage<T>(IReadOnlyList<T> Items, string? NextCursor);
