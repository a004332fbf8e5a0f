using NodaTime;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Sla;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Catalog;

/// <summary>
/// A small, realistic catalog for a Madrid office, written on first start so the desk works
/// before anyone configures it. Everything here can be replaced through the admin API.
/// </summary>
public static class FirstStartCatalog
{
    public const string CalendarId = "madrid-office";
    public const string DefaultPolicyId = "standard";
    public const string FirstLevelGroup = "service-desk";

    public static BusinessCalendar MadridCalendar() => BusinessCalendar.Weekdays(
        CalendarId, "Europe/Madrid", new LocalTime(8, 0), new LocalTime(18, 0),
        [
            // National holidays, Comunidad de Madrid and Madrid city (San Isidro, Almudena).
            new(2026, 1, 1), new(2026, 1, 6), new(2026, 4, 2), new(2026, 4, 3), new(2026, 5, 1), new(2026, 5, 15),
            new(2026, 8, 15), new(2026, 10, 12), new(2026, 11, 2), new(2026, 11, 9), new(2026, 12, 7), new(2026, 12, 8),
            new(2026, 12, 25),
            new(2027, 1, 1), new(2027, 1, 6), new(2027, 3, 25), new(2027, 3, 26), new(2027, 5, 1), new(2027, 5, 15),
            new(2027, 8, 16), new(2027, 10, 12), new(2027, 11, 1), new(2027, 11, 9), new(2027, 12, 6), new(2027, 12, 8),
            new(2027, 12, 25),
        ]);

    public static SlaPolicy StandardPolicy() => new(DefaultPolicyId, "Standard", CalendarId, new Dictionary<Priority, PriorityTargets>
    {
        [Priority.P1] = new(Duration.FromMinutes(15), Duration.FromHours(4)),
        [Priority.P2] = new(Duration.FromMinutes(30), Duration.FromHours(8)),
        [Priority.P3] = new(Duration.FromHours(2), Duration.FromHours(24)),
        [Priority.P4] = new(Duration.FromHours(4), Duration.FromHours(40)),
        [Priority.P5] = new(Duration.FromHours(8), Duration.FromHours(80)),
    });

    /// <summary>E-mail is business critical: its urgent tickets are answered and fixed faster.</summary>
    public static SlaPolicy EmailPolicy() => new("email-critical", "E-mail (critical service)", CalendarId, new Dictionary<Priority, PriorityTargets>
    {
        [Priority.P1] = new(Duration.FromMinutes(10), Duration.FromHours(2)),
        [Priority.P2] = new(Duration.FromMinutes(20), Duration.FromHours(4)),
    });

    public static IReadOnlyList<SupportGroup> Groups() =>
    [
        new(FirstLevelGroup, SupportLevel.L1),
        new("workplace-l2", SupportLevel.L2),
        new("network-l2", SupportLevel.L2),
        new("apps-l2", SupportLevel.L2),
        new("infrastructure-l3", SupportLevel.L3, requiresClosureApproval: true),
        new("erp-vendor-l3", SupportLevel.L3, locale: "en-US"),
    ];

    public static IReadOnlyList<Service> Services() =>
    [
        new("email", new("Correo electrónico", "E-mail"), "apps-l2", "email-critical"),
        new("vpn", new("VPN y acceso remoto", "VPN and remote access"), "network-l2"),
        new("workplace", new("Puesto de trabajo", "Workplace devices"), "workplace-l2"),
        new("network", new("Red y Wi-Fi de oficina", "Office network and Wi-Fi"), "network-l2"),
        new("identity", new("Cuentas y accesos", "Accounts and access"), FirstLevelGroup),
        new("erp", new("ERP (finanzas y compras)", "ERP (finance and purchasing)"), "apps-l2"),
        new("printing", new("Impresión", "Printing"), "workplace-l2"),
    ];

    public static IReadOnlyList<Category> Categories() =>
    [
        new("laptop", new("Portátil u ordenador", "Laptop or desktop"), TicketKind.Incident, FirstLevelGroup, "workplace",
            ["portátil", "ordenador", "pantalla", "teclado", "batería", "arranca", "enciende", "lento", "cargador"],
            ["laptop", "computer", "screen", "keyboard", "battery", "boot", "start", "slow", "charger"]),
        new("email", new("Correo y calendario", "E-mail and calendar"), TicketKind.Incident, FirstLevelGroup, "email",
            ["correo", "outlook", "buzón", "calendario", "reunión", "adjunto", "envía"],
            ["email", "mail", "outlook", "mailbox", "calendar", "meeting", "attachment", "send"]),
        new("vpn", new("VPN y teletrabajo", "VPN and remote work"), TicketKind.Incident, FirstLevelGroup, "vpn",
            ["vpn", "teletrabajo", "remoto", "casa", "conecta", "túnel"],
            ["vpn", "remote", "home", "connect", "tunnel", "forticlient"]),
        new("network", new("Red y Wi-Fi", "Network and Wi-Fi"), TicketKind.Incident, FirstLevelGroup, "network",
            ["wifi", "red", "internet", "cable", "conexión", "navegar"],
            ["wifi", "network", "internet", "cable", "connection", "browse"]),
        new("printing", new("Impresoras", "Printers"), TicketKind.Incident, FirstLevelGroup, "printing",
            ["impresora", "imprimir", "escáner", "papel", "tóner"],
            ["printer", "print", "scanner", "paper", "toner"]),
        new("password", new("Contraseña y desbloqueo", "Password and unlock"), TicketKind.ServiceRequest, FirstLevelGroup, "identity",
            ["contraseña", "clave", "bloqueada", "bloqueado", "desbloquear", "caducada", "restablecer"],
            ["password", "locked", "unlock", "expired", "reset", "forgot"]),
        new("access", new("Permisos y accesos", "Permissions and access"), TicketKind.ServiceRequest, FirstLevelGroup, "identity",
            ["permiso", "acceso", "carpeta", "compartida", "grupo", "alta"],
            ["permission", "access", "folder", "shared", "group", "grant"]),
        new("software", new("Software y licencias", "Software and licences"), TicketKind.ServiceRequest, FirstLevelGroup, "workplace",
            ["instalar", "programa", "licencia", "aplicación", "software", "actualizar"],
            ["install", "program", "license", "licence", "application", "software", "update"]),
        new("erp", new("ERP: facturas y pedidos", "ERP: invoices and orders"), TicketKind.Incident, FirstLevelGroup, "erp",
            ["erp", "factura", "pedido", "proveedor", "contabilidad", "sap"],
            ["erp", "invoice", "order", "supplier", "accounting", "sap"]),
        new("howto", new("Consultas y procedimientos", "Questions and how-to"), TicketKind.InformationRequest, FirstLevelGroup, null,
            ["cómo", "dónde", "manual", "procedimiento", "configurar", "puedo"],
            ["how", "where", "guide", "procedure", "configure", "can"]),
    ];
}
