namespace ServiceDesk.Cards;
