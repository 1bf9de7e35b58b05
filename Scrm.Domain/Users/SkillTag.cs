using Scrm.Domain.Common;

namespace Scrm.Domain.Users;

/// <summary>技能标签: what a technician can do (空调, 热水器…); assignment matches tickets to them.</summary>
public sealed class SkillTag : AggregateRoot
{
    public const int NameMaxLength = 20;

    private SkillTag() { }

    public SkillTag(string name)
    {
        Name = Guard.RequiredText(name, "Name", NameMaxLength);
        Raise(new ReferenceDataChanged(this));
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";

    public void Rename(string name)
    {
        Name = Guard.RequiredText(name, "Name", NameMaxLength);
        Raise(new ReferenceDataChanged(this));
    }
}
