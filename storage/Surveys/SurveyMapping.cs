using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Surveys;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Storage.Surveys;

internal sealed class SurveyMapping : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.ToTable("surveys");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasOne<Ticket>().WithMany().HasForeignKey(s => s.TicketId).OnDelete(DeleteBehavior.Restrict);
        // Not unique: a reopened and re-resolved ticket may be surveyed again.
        b.HasIndex(s => s.TicketId);
        b.HasIndex(s => s.SentAt);
        b.HasIndex(s => s.AnsweredAt);
    }
}
