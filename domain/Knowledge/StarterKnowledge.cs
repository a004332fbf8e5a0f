using System.Globalization;

namespace ServiceDesk.Domain.Knowledge;

/// <summary>
/// Answers to what employees ask most, for the first-start catalog's categories and services, so
/// deflection works before agents have marked any resolution reusable. Every topic exists in
/// Spanish; the commonest also in English. Ids and keys are fixed: seeding twice finds the same
/// articles, and an administrator can retire or revise them like any other.
/// </summary>
public static class StarterKnowledge
{
    /// <summary>When these articles were written (the release that ships them).</summary>
    public static readonly DateTimeOffset WrittenAt = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<KnowledgeArticle> StarterArticles() =>
    [
        Article(1, "es", "vpn", "vpn",
            "La VPN no conecta desde casa",
            """
            FortiClient se queda en "Conectando…" o da error al conectar la VPN cuando teletrabajas, y sin VPN no tienes acceso a la red de la empresa (carpetas compartidas, ERP, intranet).
            1. Comprueba que tienes internet: abre cualquier web sin la VPN.
            2. Cierra FortiClient del todo (icono junto al reloj > Salir) y vuelve a abrirlo.
            3. Revisa que la fecha y la hora del portátil son correctas: con la hora mal el certificado falla.
            4. Conecta con tu usuario de red (no el correo completo) y aprueba el aviso de MFA en el móvil.
            5. Si estás en un hotel o en la red de un cliente, prueba a compartir datos desde el móvil: algunas redes bloquean la VPN.
            Si sigue sin conectar, dinos el mensaje de error exacto y desde dónde te conectas.
            """),
        Article(2, "en", "vpn", "vpn",
            "VPN won't connect from home",
            """
            FortiClient stays on "Connecting…" or shows an error when you start the VPN while working remotely, and without the VPN you cannot reach the company network (shared folders, ERP, intranet).
            1. Check your internet connection: open any website with the VPN off.
            2. Quit FortiClient completely (icon next to the clock > Exit) and open it again.
            3. Make sure the laptop's date and time are right: with a wrong clock the certificate check fails.
            4. Sign in with your network user name (not your full e-mail address) and approve the MFA prompt on your phone.
            5. On hotel or customer networks that block VPNs, try tethering from your phone.
            Still not connecting? Tell us the exact error message and where you are connecting from.
            """),
        Article(3, "es", "password", "identity",
            "Restablecer la contraseña o desbloquear la cuenta tú mismo",
            """
            Has olvidado la contraseña, ha caducado o la cuenta se ha bloqueado tras varios intentos.
            1. Entra en https://passwordreset.microsoftonline.com desde el móvil u otro equipo.
            2. Escribe tu correo de empresa y verifica tu identidad con el código que llega al móvil o con la app Authenticator.
            3. Elige una contraseña nueva: al menos 12 caracteres y distinta de las últimas cinco.
            4. En el portátil, conéctate a la red de la oficina o a la VPN y bloquea y desbloquea la sesión (Windows + L) para que tome la nueva contraseña.
            Si nunca registraste el móvil para el autoservicio, pídenos el desbloqueo y te llamaremos para verificar tu identidad.
            """),
        Article(4, "en", "password", "identity",
            "Reset your password or unlock your account yourself",
            """
            You forgot your password, it expired, or your account is locked after too many attempts.
            1. Go to https://passwordreset.microsoftonline.com from your phone or another computer.
            2. Enter your work e-mail address and verify your identity with the code sent to your phone or the Authenticator app.
            3. Choose a new password: at least 12 characters, different from your last five.
            4. On your laptop, connect to the office network or the VPN, then lock and unlock the session (Windows + L) so it picks up the new password.
            If you never registered your phone for self-service reset, ask us to unlock the account and we will call you to verify your identity.
            """),
        Article(5, "es", "email", "email",
            "Configurar el correo de Outlook en el móvil",
            """
            Para tener el correo y el calendario de la empresa en el teléfono (iPhone o Android).
            1. Instala la app Microsoft Outlook desde App Store o Google Play (la app de correo del teléfono no está permitida).
            2. Abre Outlook, pulsa "Añadir cuenta" y escribe tu correo de empresa.
            3. Inicia sesión con tu contraseña y aprueba el aviso de MFA.
            4. Cuando lo pida, instala Intune Company Portal y acepta las políticas de la empresa: sin ese paso el correo no se sincroniza.
            Si el correo no aparece tras unos minutos, cierra y abre la app y comprueba que tienes datos o Wi-Fi.
            """),
        Article(6, "en", "email", "email",
            "Set up Outlook e-mail on your phone",
            """
            To get company e-mail and calendar on your phone (iPhone or Android).
            1. Install the Microsoft Outlook app from the App Store or Google Play (the phone's built-in mail app is not allowed).
            2. Open Outlook, tap "Add account" and type your work e-mail address.
            3. Sign in with your password and approve the MFA prompt.
            4. When asked, install Intune Company Portal and accept the company policies: without that step mail does not sync.
            If your mailbox is still empty after a few minutes, close and reopen the app and check that you have mobile data or Wi-Fi.
            """),
        Article(7, "es", "printing", "printing",
            "La impresora no imprime: trabajos atascados en la cola de impresión",
            """
            Mandas a imprimir y no sale nada; los documentos se quedan en la cola con estado "Error" o "En cola".
            1. Comprueba en la pantalla de la impresora que no hay atasco de papel ni falta tóner.
            2. En Windows abre Configuración > Bluetooth y dispositivos > Impresoras, elige la impresora y "Abrir cola de impresión".
            3. Cancela todos los documentos pendientes (Impresora > Cancelar todos los documentos).
            4. Reinicia el portátil y vuelve a imprimir con la impresora de tu planta (nombre en la etiqueta: MAD-P2-01, etc.).
            Si la cola se vuelve a atascar, indícanos el nombre de la impresora y la planta.
            """),
        Article(8, "es", "network", "network",
            "Wi-Fi para invitados y visitas",
            """
            Un cliente, proveedor o visita necesita internet en la oficina.
            1. Las visitas se conectan a la red "Invitados" (no a la red corporativa).
            2. Al abrir el navegador aparece el portal: la visita escribe su nombre, su correo y el correo del empleado que la recibe.
            3. Al empleado le llega un correo para aprobar el acceso; el acceso dura 24 horas.
            Para eventos o grupos de más de 10 personas, pide un código de Wi-Fi para el evento con dos días de antelación.
            Los portátiles de empresa nunca deben usar la red de invitados.
            """),
        Article(9, "es", "software", "workplace",
            "Solicitar la instalación de un programa o una licencia",
            """
            Necesitas un programa que no tienes (Visio, Project, Adobe Acrobat Pro, Power BI…) o una licencia.
            1. Abre Portal de empresa (Company Portal) en el portátil: los programas aprobados se instalan solos desde ahí, sin permisos de administrador.
            2. Si no está en el Portal de empresa, pídelo aquí indicando el programa, la versión y para qué lo necesitas.
            3. Los programas con licencia de pago necesitan la aprobación de tu responsable; te avisaremos cuando esté aprobada.
            La instalación suele estar lista en un día laborable desde la aprobación.
            """),
        Article(10, "es", "erp", "erp",
            "Cómo aprobar una factura de proveedor en el ERP",
            """
            Tienes facturas pendientes de aprobación en el ERP (finanzas y compras).
            1. Entra en el ERP y abre Compras > Facturas > Pendientes de mi aprobación.
            2. Abre la factura y comprueba que coincide con el pedido y la recepción (importe, cantidades y centro de coste).
            3. Pulsa "Aprobar", o "Rechazar" indicando el motivo: la factura vuelve a Contabilidad.
            4. Las facturas de más de 10.000 € pasan después a un segundo aprobador automáticamente.
            Si no ves la factura, revisa que tu responsable te haya delegado la aprobación o pide el permiso de aprobador.
            """),
        Article(11, "es", "laptop", "workplace",
            "El portátil va lento",
            """
            El ordenador tarda mucho en arrancar, las aplicaciones se quedan colgadas o el ventilador no para.
            1. Reinicia el portátil (Inicio > Reiniciar, no solo cerrar la tapa): muchas actualizaciones terminan al reiniciar.
            2. Abre el Administrador de tareas (Ctrl + Mayús + Esc) y cierra lo que consuma mucha memoria o CPU, como pestañas del navegador.
            3. Comprueba en Configuración > Windows Update que no hay actualizaciones pendientes.
            4. Deja al menos 10 GB libres en el disco: vacía Descargas y la papelera.
            5. Trabaja con el cargador conectado: con poca batería el equipo reduce su rendimiento.
            Si sigue lento, dinos desde cuándo pasa y con qué aplicaciones.
            """),
        Article(12, "en", "laptop", "workplace",
            "Your laptop is slow",
            """
            The computer takes ages to start, applications freeze or the fan never stops.
            1. Restart the laptop (Start > Restart, not just closing the lid): many updates finish on restart.
            2. Open Task Manager (Ctrl + Shift + Esc) and close whatever uses a lot of memory or CPU, such as browser tabs.
            3. Check Settings > Windows Update for pending updates.
            4. Keep at least 10 GB free on the disk: empty Downloads and the recycle bin.
            5. Work with the charger plugged in: on low battery the computer slows itself down.
            Still slow? Tell us since when it happens and with which applications.
            """),
    ];

    private static KnowledgeArticle Article(int number, string language, string category, string service, string title, string body) =>
        KnowledgeArticle.Author(
            new Guid("5eed0000-0000-4000-8000-" + number.ToString("D12", CultureInfo.InvariantCulture)),
            "KB-" + number.ToString("D6", CultureInfo.InvariantCulture), title, body, language, category, service, WrittenAt);
}
