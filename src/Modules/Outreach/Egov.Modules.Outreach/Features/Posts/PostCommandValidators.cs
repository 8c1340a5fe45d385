using Egov.SharedKernel.Paging;
using FluentValidation;

namespace Egov.Modules.Outreach.Features.Posts;

internal sealed class CreatePostValidator(IValidator<PostInput> input) : InputValidator<CreatePostCommand, PostInput>(input, c => c.Input);

internal sealed class UpdatePostValidator(IValidator<PostInput> input) : InputValidator<UpdatePostCommand, PostInput>(input, c => c.Input);

/// <summary>The dry run checks variants only: the working title is never sent, so none is needed.</summary>
internal sealed class CheckDraftValidator(IValidator<PostInput> input)
    : InputValidator<CheckDraftQuery, PostInput>(input, c => c.Input is null ? null : c.Input with { Title = string.IsNullOrWhiteSpace(c.Input.Title) ? "(dry run)" : c.Input.Title });

internal sealed class ListPostsValidator : AbstractValidator<ListPostsQuery>
{
    public ListPostsValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxPageSize).OverridePropertyName("limit").WithName("limit");
}
