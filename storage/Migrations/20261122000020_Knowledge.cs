using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ServiceDesk.Storage.Migrations;

/// <summary>
/// Knowledge articles (IKnowledgeBase) and their full-text index, which the model does not know:
/// SQLite: an FTS5 table kept in step by triggers; PostgreSQL: a generated tsvector column with a GIN
/// index. Either way the index changes in the statement that changes the article, so it commits and
/// rolls back with the unit of work. Both fold alike: lowercase, accents off, hyphens dropped
/// ("Wi-Fi" is "wifi"), no stemming (SQLite has none for Spanish); KnowledgeQuery folds the
/// query the same way.
/// </summary>
[DbContext(typeof(ServiceDeskContext))]
[Migration("20261122000020_Knowledge")]
public sealed class Knowledge : Migration
{
    // unaccent is an extension a managed server may not offer; translate() is built in and immutable
    // (a generated column needs that). Every Latin-1 and Latin Extended-A letter that decomposes to
    // a base letter, as KnowledgeQuery.Fold maps it.
    private const string Accented =
        "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž";
    private const string Plain =
        "aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzz";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var t = new StoreTypes(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "knowledge_articles",
            columns: c => new
            {
                id = c.Column<Guid>(type: t.Guid, nullable: false),
                key = c.Column<string>(type: t.Text, nullable: true),
                title = c.Column<string>(type: t.Text, nullable: false),
                body = c.Column<string>(type: t.Text, nullable: false),
                language = c.Column<string>(type: t.Text, nullable: false),
                category_key = c.Column<string>(type: t.Text, nullable: true),
                service_key = c.Column<string>(type: t.Text, nullable: true),
                source = c.Column<string>(type: t.Text, nullable: false),
                source_ticket_id = c.Column<Guid>(type: t.Guid, nullable: true),
                source_ticket_number = c.Column<string>(type: t.Text, nullable: true),
                state = c.Column<string>(type: t.Text, nullable: false),
                created_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
                updated_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
                helpful_count = c.Column<int>(type: t.Int, nullable: false),
                not_helpful_count = c.Column<int>(type: t.Int, nullable: false),
                version = c.Column<int>(type: t.Int, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_knowledge_articles", x => x.id));

        migrationBuilder.CreateIndex("IX_knowledge_articles_key", "knowledge_articles", "key", unique: true);
        migrationBuilder.CreateIndex("IX_knowledge_articles_source_ticket_id", "knowledge_articles", "source_ticket_id", unique: true);
        migrationBuilder.CreateIndex("IX_knowledge_articles_language_state", "knowledge_articles", ["language", "state"]);

        if (migrationBuilder.IsNpgsql())
        {
            // Title lexemes weigh A, body lexemes B: the ranking puts a title match above a body match.
            migrationBuilder.Sql($"""
                ALTER TABLE knowledge_articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple'::regconfig, translate(replace(title, '-', ''), '{Accented}', '{Plain}')), 'A') ||
                    setweight(to_tsvector('simple'::regconfig, translate(replace(body, '-', ''), '{Accented}', '{Plain}')), 'B')
                ) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_knowledge_articles_search_vector" ON knowledge_articles USING GIN (search_vector);""");
        }
        else
        {
            // Not external content: the articles' rowid is not stable (a TEXT key; VACUUM may renumber),
            // so the index keeps its own copy, found again by article_id. Deleting by article_id scans
            // the index's rows: fine for a knowledge base's hundreds or thousands of articles.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE knowledge_fts USING fts5(
                    article_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER knowledge_articles_fts_insert AFTER INSERT ON knowledge_articles BEGIN
                    INSERT INTO knowledge_fts (article_id, title, body) VALUES (new.id, replace(new.title, '-', ''), replace(new.body, '-', ''));
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER knowledge_articles_fts_update AFTER UPDATE OF id, title, body ON knowledge_articles BEGIN
                    DELETE FROM knowledge_fts WHERE article_id = old.id;
                    INSERT INTO knowledge_fts (article_id, title, body) VALUES (new.id, replace(new.title, '-', ''), replace(new.body, '-', ''));
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER knowledge_articles_fts_delete AFTER DELETE ON knowledge_articles BEGIN
                    DELETE FROM knowledge_fts WHERE article_id = old.id;
                END;
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("DROP TRIGGER knowledge_articles_fts_delete;");
            migrationBuilder.Sql("DROP TRIGGER knowledge_articles_fts_update;");
            migrationBuilder.Sql("DROP TRIGGER knowledge_articles_fts_insert;");
            migrationBuilder.Sql("DROP TABLE knowledge_fts;");
        }
        migrationBuilder.DropTable("knowledge_articles");
    }
}
