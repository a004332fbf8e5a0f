namespace ServiceDesk.Storage;
