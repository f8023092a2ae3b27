import Foundation
import Logging
import PostgresNIO

/// The central schema's versioned migrations, applied in order, each once, each in the same
/// transaction as its record in `kiemke_migration`; never edited after release.
public enum ProvinceSchema {
    /// The group role every commune's role belongs to: it holds the table privileges, and
    /// row-level security narrows them to the commune's own office.
    public static let communeGroup = "kiemke_commune"

    /// (version, name, SQL) of each migration.
    static let migrations: [(version: Int, name: String, sql: [String])] = [
        (1, "v1 offices, devices, marks, states, state changes, daily rollups, row-level security", v1),
        (2, "v2 row-level security checks the office once per statement, not once per row", v2),
    ]

    /// The newest version this kiemke knows.
    public static var latestVersion: Int { migrations.last?.version ?? 0 }

    /// The data tables a commune writes, each with an `office` column that row-level security checks.
    static let communeTables = ["device", "condition_mark", "device_state", "state_change", "availability_day",
                                "observation_day", "hour_coverage"]

    private static let v1: [String] = [
        """
        DO $$ BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kiemke_commune') THEN
                CREATE ROLE kiemke_commune NOLOGIN;
            END IF;
        END $$
        """,
        """
        CREATE TABLE office (
            code text PRIMARY KEY,
            name text NOT NULL,
            role_name text NOT NULL UNIQUE,
            commune_name text NOT NULL DEFAULT '',
            profile jsonb,
            last_sync timestamptz,
            synced_sequence bigint NOT NULL DEFAULT 0,
            created_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        // The office of the role logged in (session_user: inside SECURITY DEFINER, current_user is
        // the owner); SECURITY DEFINER so that policies can read `office`
        // without the commune seeing other offices.
        """
        CREATE FUNCTION kiemke_current_office() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public AS $$ SELECT code FROM office WHERE role_name = session_user $$
        """,
        """
        CREATE TABLE device (
            office text NOT NULL REFERENCES office(code), uuid uuid NOT NULL, local_id bigint NOT NULL,
            name text NOT NULL, name_key text NOT NULL, kind text NOT NULL, address text NOT NULL,
            location text NOT NULL, note text NOT NULL, snmp_version text, snmp_port integer, schedule text,
            role text NOT NULL, poll_interval float8, created_at timestamptz NOT NULL,
            entered_at timestamptz NOT NULL, retired_at timestamptz,
            PRIMARY KEY (office, uuid)
        )
        """,
        """
        CREATE TABLE condition_mark (
            office text NOT NULL REFERENCES office(code), device uuid NOT NULL, local_id bigint NOT NULL,
            condition text NOT NULL, note text NOT NULL, marked_by text NOT NULL,
            marked_at timestamptz NOT NULL, entered_at timestamptz NOT NULL,
            PRIMARY KEY (office, device, local_id)
        )
        """,
        """
        CREATE TABLE device_state (
            office text NOT NULL REFERENCES office(code), device uuid NOT NULL, state text NOT NULL,
            since timestamptz NOT NULL, last_probe timestamptz NOT NULL, last_up boolean NOT NULL,
            last_answered_by text NOT NULL, last_rtt_ms float8, last_error text, failures integer NOT NULL,
            first_failure_at timestamptz, pending_from timestamptz, last_facts text, last_facts_at timestamptz,
            PRIMARY KEY (office, device)
        )
        """,
        """
        CREATE TABLE state_change (
            office text NOT NULL REFERENCES office(code), local_id bigint NOT NULL, device uuid NOT NULL,
            time timestamptz NOT NULL, from_state text, to_state text NOT NULL, reason text NOT NULL,
            PRIMARY KEY (office, local_id)
        )
        """,
        """
        CREATE TABLE availability_day (
            office text NOT NULL REFERENCES office(code), device uuid NOT NULL, day date NOT NULL,
            up float8 NOT NULL, down float8 NOT NULL, off float8 NOT NULL, broken float8 NOT NULL,
            hours jsonb NOT NULL DEFAULT '[]', received_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (office, device, day)
        )
        """,
        """
        CREATE TABLE observation_day (
            office text NOT NULL REFERENCES office(code), device uuid NOT NULL, day date NOT NULL,
            first_time timestamptz NOT NULL, last_time timestamptz NOT NULL,
            answered boolean NOT NULL, measured boolean NOT NULL,
            PRIMARY KEY (office, device, day)
        )
        """,
        """
        CREATE TABLE hour_coverage (
            office text NOT NULL REFERENCES office(code), hour integer NOT NULL, observed float8 NOT NULL,
            PRIMARY KEY (office, hour)
        )
        """,
        "ALTER TABLE office ENABLE ROW LEVEL SECURITY",
        "CREATE POLICY own_office ON office USING (role_name = current_user) WITH CHECK (role_name = current_user)",
        "GRANT SELECT ON office TO kiemke_commune",
        "GRANT UPDATE (commune_name, profile, last_sync, synced_sequence) ON office TO kiemke_commune",
        "GRANT EXECUTE ON FUNCTION kiemke_current_office() TO kiemke_commune",
    ] + communeTables.flatMap { table in
        [
            "ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY",
            """
            CREATE POLICY own_rows ON \(table) USING (office = kiemke_current_office())
            WITH CHECK (office = kiemke_current_office())
            """,
            "GRANT SELECT, INSERT, UPDATE, DELETE ON \(table) TO kiemke_commune",
        ]
    }

    /// The policies compare with `(SELECT kiemke_current_office())`, which PostgreSQL evaluates once
    /// per statement (an InitPlan); the bare call of v1 cannot be inlined (SECURITY DEFINER) and ran
    /// once for every row an upsert checked, on both its USING and WITH CHECK sides.
    private static let v2: [String] = communeTables.map { table in
        """
        ALTER POLICY own_rows ON \(table) USING (office = (SELECT kiemke_current_office()))
        WITH CHECK (office = (SELECT kiemke_current_office()))
        """
    }

    /// Creates or brings the schema up to date; returns the versions applied now.
    ///
    /// One migrator at a time (an advisory lock); a database with a newer schema is left alone.
    @discardableResult
    public static func migrate(_ connection: ProvinceConnection) async throws -> [Int] {
        try await connection.transaction { c in
            try await c.execute("SELECT pg_advisory_xact_lock(7406011)", what: "the schema lock")
            try await c.execute("""
                CREATE TABLE IF NOT EXISTS kiemke_migration (
                    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """, what: "the migration table")
            let applied = Set(try await c.rows("SELECT version FROM kiemke_migration", what: "the schema version")
                .map { try $0.decode(Int.self) })
            if let newest = applied.max(), newest > latestVersion {
                throw ProvinceError.newerSchema(version: newest, known: latestVersion)
            }
            var done: [Int] = []
            for migration in migrations where !applied.contains(migration.version) {
                for statement in migration.sql {
                    try await c.execute(PostgresQuery(unsafeSQL: statement), what: "migration \(migration.version)")
                }
                try await c.execute("INSERT INTO kiemke_migration (version, name) VALUES (\(migration.version), \(migration.name))",
                                    what: "migration \(migration.version)")
                done.append(migration.version)
            }
            return done
        }
    }

    /// The schema version the database has; throws `noSchema` when there is none.
    public static func version(_ connection: ProvinceConnection) async throws -> Int {
        let exists = try await connection.rows("SELECT to_regclass('kiemke_migration') IS NOT NULL", what: "the schema version")
        guard try exists.first?.decode(Bool.self) == true else { throw ProvinceError.noSchema(server: connection.url.server) }
        let rows = try await connection.rows("SELECT COALESCE(MAX(version), 0) FROM kiemke_migration", what: "the schema version")
        return try rows.first?.decode(Int.self) ?? 0
    }
}
