namespace ServiceDesk.Domain.Conversations;

public enum ConversationType { Personal, GroupChat, Channel }
