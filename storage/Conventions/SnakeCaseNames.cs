using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ServiceDesk.Storage.Conventions;

/// <summary>
/// snake_case columns, so hand-written SQL (migrations, counters, reports) needs no quoting.
/// Names set explicitly in a mapping win.
/// </summary>
internal static class SnakeCaseNames
{
    public static void Apply(IMutableModel model)
    {
        foreach (var entity in model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
                Rename(property, ToSnake(property.Name));
            foreach (var complex in entity.GetComplexProperties())
                RenameComplex(complex, ToSnake(complex.Name));
        }
    }

    private static void RenameComplex(IMutableComplexProperty complex, string prefix)
    {
        foreach (var property in complex.ComplexType.GetProperties())
            Rename(property, $"{prefix}_{ToSnake(property.Name)}");
        foreach (var nested in complex.ComplexType.GetComplexProperties())
            RenameComplex(nested, $"{prefix}_{ToSnake(nested.Name)}");
    }

    private static void Rename(IMutableProperty property, string name)
    {
        if (((IConventionProperty)property).GetColumnNameConfigurationSource() == ConfigurationSource.Explicit) return;
        property.SetColumnName(name);
    }

    public static string ToSnake(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                // AadObjectId -> aad_object_id; a run of capitals stays one word (URLPath -> url_path).
                var startsWord = i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
                if (startsWord) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
