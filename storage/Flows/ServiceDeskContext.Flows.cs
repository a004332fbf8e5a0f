using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Classification;
using ServiceDesk.Domain.Flows;

namespace ServiceDesk.Storage;

public sealed partial class ServiceDeskContext
{
    public DbSet<ConversationFlowState> ConversationFlows => Set<ConversationFlowState>();
    public DbSet<LearnedExample> ClassifierExamples => Set<LearnedExample>();
}
