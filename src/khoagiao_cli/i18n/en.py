"""The English catalogue: every message khoagiao shows, by key (see __init__.py).

An entry that counts is a dict of its plural forms ("one", "other"), chosen by the argument `n`."""

from khoagiao_cli.i18n import Entry

CATALOGUE: dict[str, Entry] = {
    # ------------------------------------------------------------------ errors: general
    "error_prefix": "Error",
    "did_you_mean": " Did you mean: {name}?",
    "bad_date": "{what} '{value}' is not a date; write 2026-03-18, 18/03/2026 or 18/3.",
    "impossible_date": "{what} '{value}' is a date that does not exist.",
    "what_as_of": "--as-of",
    "what_received": "--received",
    "date_out_of_range": "{what} '{value}' is outside the years khoagiao tracks ({first}–{last}).",
    "bad_lang": "Language '{value}' is not supported; use vi or en.",
    "bad_format": "Format '{value}' is not supported here; use: {known}.",
    "bad_year": "Year '{value}' is not valid (1900–2999).",
    "io_error": "Cannot read or write {path}: {error}",
    # ------------------------------------------------------------------ errors: config
    "config_invalid": {"one": "The configuration has 1 problem:", "other": "The configuration has {n} problems:"},
    "config_dir_missing": "Config folder {path} (from {origin}) does not exist.",
    "file_unreadable": "cannot read the file: {error}",
    "yaml_invalid": "invalid YAML: {problem}",
    "yaml_p_list": "a ']' is missing to close the list (or a comma between items)",
    "yaml_p_map": "a closing brace is missing (or a comma between keys)",
    "yaml_p_colon": "a ':' is not allowed here (a value holding ':' must be quoted; or the indentation is wrong)",
    "yaml_p_alias": "an alias (*name) is not defined with &name above",
    "yaml_p_indent": "the indentation does not match the lines above",
    "yaml_p_quote": "a closing quote is missing",
    "yaml_p_char": "a character that cannot start a value (a tab, @, `…): indent with spaces, quote the value",
    "yaml_p_nocolon": "a ':' is missing after the key",
    "yaml_p_value": "a value is missing here",
    "yaml_too_big": "file larger than {limit} MB (a config file is a few tens of KB)",
    "yaml_too_deep": "YAML nested over {limit} levels deep",
    "yaml_too_large": "YAML too large once its aliases are expanded: over {limit} nodes",
    "yaml_alias_recursive": "the alias *{anchor} is inside the very node it refers to",
    "yaml_tag": "the tag {tag} has no place in a config file",
    "yaml_bad_encoding": "invalid {encoding} at column {column} ({bytes}); save the file as UTF-8",
    "yaml_control_char": "control character {char} at column {column}; a config file holds text only",
    "cfg_control_char": "holds the control character {char} (newline, tab, ESC…); a config value is one line of text",
    "duplicate_key": "key appears twice (write it once)",
    "cfg_missing": "missing (required)",
    "cfg_extra_forbidden": "unknown key (a typo?)",
    "cfg_day_of_month": "must be a day of the month (1–31), not {value}",
    "cfg_finite_number": "must be a number, not '{value}'",
    "cfg_int_type": "must be a whole number, not '{value}'",
    "cfg_int_parsing": "must be a whole number, not '{value}'",
    "cfg_int_from_float": "must be a whole number, not {value}",
    "cfg_greater_than_equal": "must be at least {ge}, not {value}",
    "cfg_less_than_equal": "must be at most {le}, not {value}",
    "cfg_string_type": "must be text",
    "cfg_string_too_short": "must not be empty",
    "cfg_string_too_long": "longer than {max_length} characters",
    "cfg_string_pattern_mismatch": "'{value}' may only hold lower-case ASCII letters, digits, '-' and '_'",
    "cfg_literal_error": "must be one of: {expected}; not '{value}'",
    "cfg_list_type": "must be a list",
    "cfg_too_short": "must list at least {min_length}",
    "cfg_model_type": "must be a mapping of 'key: value'",
    "cfg_dict_type": "must be a mapping of 'key: value'",
    "cfg_date_type": "must be a date like 2026-01-31 or 31/01/2026",
    "cfg_date_parsing": "'{value}' is not a date (write 2026-01-31 or 31/01/2026)",
    "cfg_date_from_datetime_parsing": "'{value}' is not a date (write 2026-01-31 or 31/01/2026)",
    "cfg_date_from_datetime_inexact": "must be a date without a time",
    "cfg_date_text": "'{value}' is not a real date (write 2026-01-31 or 31/01/2026)",
    "cfg_email": "'{value}' is not an e-mail address",
    "cfg_email_many": "'{value}' holds several addresses; write one address per entry, as a list: [a@x.vn, b@x.vn]",
    "cfg_timezone": "unknown time zone '{value}' (e.g. Asia/Ho_Chi_Minh)",
    "cfg_other": "the value '{value}' is not valid here",
    "cfg_duplicate_id": "'{value}' is already used above; each id must be unique",
    "cfg_before_or_by": "needs exactly one of 'before' (before the day) or 'by' (by the end of the day)",
    "cfg_period_index": "period {value} does not exist; this frequency has 1–{count} a year",
    "cfg_unknown_rule": "no report rule '{value}' (known: {known})",
    "cfg_unknown_unit": "no unit '{value}' in units.yaml",
    "cfg_day_off_long": "a break longer than {n} days (a mistyped year?); write each break on its own",
    "cfg_day_off_shape": "each day off is a date, or {date: …}, or {from: …, to: …}",
    "cfg_cutoff": "must be decree-09 (Decree 09/2019/ND-CP) or {{from_day: 15, to_day: 14}}, not '{value}'",
    "cfg_date_range": "the year must be {first} to {last}",
    "config_more": (
        "  {active} units active today; {own} of the Commission's own reports; {meetings} recurring meetings."
    ),
    "config_mail": (
        "Mail: {host}:{port} ({security}), sender {sender}, login {user}, password in "
        "KHOAGIAO_SMTP_PASSWORD: {password}"
    ),
    "config_mail_none": "Mail: not configured (the mail section of schedule.yaml, or KHOAGIAO_SMTP_HOST).",
    "yes": "yes",
    "no": "no",
    "n_days": {"one": "{n} day", "other": "{n} days"},
    "cfg_password_in_file": (
        "never put the password in a config file; set the KHOAGIAO_SMTP_PASSWORD environment variable"
    ),
    "cfg_order": "must come after {first}",
    "cfg_active_order": "active_until must come after active_from",
    # ------------------------------------------------------------------ errors: lookups and submissions
    "unit_unknown": "No unit '{query}'.{hint} See the list: khoagiao units",
    "unit_ambiguous": "'{query}' matches several units; give the code:\n{candidates}",
    "rule_unknown": "No report '{query}'.{hint} Reports: {known}",
    "rule_ambiguous": "'{query}' matches several reports; give the id:\n{candidates}",
    "period_replaced": (
        "Period {period} has no separate {rule}: the {other} takes its place. Record the {other} ({other_id}) "
        "instead."
    ),
    "unit_not_owing": "Unit {unit} does not owe the {rule} (see units.yaml).",
    "unit_inactive": "Unit {unit} did not exist for period {period}.",
    "received_future": "Received date {received} is in the future (today is {today}).",
    "channel_unknown": "Channel '{value}' is not valid; use: {known}.",
    "file_missing": "File to attach not found: {path}.",
    "file_unreadable_input": "Cannot read {path}: {error}",
    "duplicate": (
        "The {rule} for {period} from {unit} is already recorded (received {received}, event "
        "#{event}). To change it, use --correct."
    ),
    "nothing_to_correct": "There is no {rule} for {period} from {unit} to correct.",
    "nothing_to_correct_any": "There is no {rule} from {unit} to correct.",
    "nothing_to_withdraw": "There is no {rule} for {period} from {unit} to withdraw.",
    "no_outstanding": "Unit {unit} has no open period of the {rule}; give --period.",
    "init_exists": "Config files already exist, not overwritten: {files}. Use --force to overwrite.",
    # ------------------------------------------------------------------ errors: ledger
    "pg_unreachable": 'Cannot reach the ledger {path}: {error}. Nothing was recorded; check the PostgreSQL server and run the command again.',
    "pg_denied_read": (
        "The database role may not read the ledger {path} ({error}). The ledger's owner can put it in the readers' "
        "group: khoagiao db init --reader ROLE."
    ),
    "pg_no_session": (
        "Cannot reach the ledger {path}: {error}. Nothing was recorded; check the server and port, the database and "
        "user names in the URL, and the password (PGPASSWORD or ~/.pgpass), then run the command again."
    ),
    "pg_denied": 'The database role may not do this on the ledger {path} ({error}); nothing was recorded.',
    "db_url_unknown": "'{value}' is not a ledger khoagiao can use: a SQLite file or a postgresql://… URL only (not '{scheme}://').",
    "db_url_password": (
        "The ledger URL '{value}' holds a password: khoagiao never takes one from a URL, where it would show (in "
        "messages, the shell's history, the list of processes). Give it to libpq in PGPASSWORD or ~/.pgpass "
        "(%APPDATA%\\postgresql\\pgpass.conf on Windows) and name the ledger without it."
    ),
    "db_url_port_range": "The ledger URL '{value}' is not valid: the port must be 1–65535 (PostgreSQL's is usually 5432).",
    "db_url_bad": "The ledger URL '{value}' is not valid (the port must be a number), e.g. postgresql://127.0.0.1:5432/khoagiao.",
    "db_locked": "The ledger {path} stayed locked by another process; nothing was recorded. Try again.",
    "db_readonly": "The ledger {path} is read-only; nothing was recorded.",
    "db_unopenable": "Cannot open or create the ledger {path}.",
    "disk_full": "The disk is full or failed; cannot write {path}. Nothing was changed.",
    "db_error": "Ledger error in {path}: {error}",
    "db_corrupt": "{path} is not a khoagiao ledger or is damaged ({error}). Restore it from a backup.",
    "db_timeout_bad": "KHOAGIAO_DB_TIMEOUT='{value}' is not valid: give a number of seconds from 0 to 999999, e.g. 10.",
    "pg_schema_set_back": (
        "The ledger {path} was changed past khoagiao: its kg_schema says schema {found}, but the database already "
        "holds tables that only later steps make ({names}). Restore it from a backup; khoagiao does not open it."
    ),
    "pg_foreign": (
        "The database {path} holds another program's tables, not a khoagiao ledger; khoagiao does not write into it. "
        "Use an empty database or a khoagiao ledger (--db)."
    ),
    "db_foreign": (
        "{path} is another SQLite database, not a khoagiao ledger; khoagiao will not write to it. Choose "
        "another file (--db)."
    ),
    "db_newer": "The ledger {path} was written by a newer khoagiao (schema {found} > {known}). Upgrade khoagiao.",
    # ------------------------------------------------------------------ output words
    "st_on_time": "on time",
    "st_late": {"one": "{n} day late", "other": "{n} days late"},
    "st_overdue": "overdue",
    "st_due": "due soon",
    "st_upcoming": "upcoming",
    "days_over": {"one": "{n} day overdue", "other": "{n} days overdue"},
    "days_today": "due today",
    "days_left": {"one": "{n} day left", "other": "{n} days left"},
    # ------------------------------------------------------------------ e-mail
    "col_late": "Late",
    "hours_left": {"one": "{n} hour left", "other": "{n} hours left"},
    "hours_over": {"one": "{n} hour late", "other": "{n} hours late"},
    "moved_from": "moved from {day} ({reason})",
    "own_reports_title": "The Commission's own reports",
    "col_covers": "Data from–to",
    "col_status": "Status",
    "col_unit": "Unit",
    "col_code": "Code",
    "col_name": "Name",
    "col_short": "Short",
    "col_group": "Group",
    "col_reports": "Reports owed",
    "col_email": "E-mail",
    "col_report": "Report",
    "col_period": "Period",
    "col_wording": "Deadline as written",
    "col_deadline": "Last day",
    "col_deadline_words": "Last day (as written)",
    "col_weekday": "Day",
    "col_left": "Time left",
    "col_received": "Received",
    "col_doc": "Doc. number",
    "col_channel": "Channel",
    "col_kind": "Event",
    "col_recorded": "Recorded at",
    "col_by": "By",
    "col_note": "Note",
    "all_reports": "all",
    "kind_submit": "received",
    "kind_correct": "corrected",
    "kind_withdraw": "withdrawn",
    "weekdays": "Mon,Tue,Wed,Thu,Fri,Sat,Sun",
    "due_title": "Reports due — as of {as_of}, deadlines up to {until}",
    "due_none": {
        "one": "Nothing is overdue or due in the next day (up to {until}). All clear.",
        "other": "Nothing is overdue or due in the next {n} days (up to {until}). All clear.",
    },
    "due_summary": "{overdue} overdue, {due} due soon.",
    "overdue_title": "Overdue reports as of {as_of}: {reports} from {units}",
    "overdue_line": "{report} ({period}): {wording} (last day {deadline}), {late}",
    "status_title": "Reports of {year} — as of {as_of}",
    "status_summary": "{on_time} on time, {late} late, {overdue} overdue, {due} due soon, {upcoming} upcoming.",
    "status_empty": "No tracked report in {year} (tracking since {start}).",
    "schedule_title": "Report deadlines of {year}",
    "units_title_on": "Units active on {as_of} ({count})",
    "units_all_title": "Every unit, retired and merged ones too ({count})",
    "col_active": "Active",
    "col_successor": "Successor",
    "o_units_all": "List every unit, retired and merged ones too (with dates and successors).",
    "history_title": {"one": "Ledger: {n} event", "other": "Ledger: {n} events"},
    "history_empty": "The ledger has no events yet.",
    "submitted": "Recorded (event #{event}): {unit} — {report} ({period}), received {received}.",
    "corrected": (
        "Correction recorded (event #{event}) of event #{previous}: {unit} — {report} ({period}), received "
        "{received}."
    ),
    "chosen_period": "Period {period} was taken: the earliest one still open. Use --period for another.",
    "verdict_on_time": "On time ({wording}; last day {deadline}).",
    "verdict_late": {
        "one": "{n} day late ({wording}; last day {deadline}).",
        "other": "{n} days late ({wording}; last day {deadline}).",
    },
    "withdrawn": (
        "Withdrawal recorded (event #{event}) of event #{previous}: {unit} — {report} ({period}) is open "
        "again."
    ),
    "init_done": "Wrote the default configuration to {path}:",
    "init_hint_used": "khoagiao will use these files. After editing, run: khoagiao config",
    "init_hint_flag": "To make khoagiao use this folder: --config {path} or KHOAGIAO_CONFIG={path}",
    "config_ok": "Configuration is valid: {units} units, {rules} report rules.",
    "config_settings": "Settings:",
    "origin_flag": "--config",
    "origin_env": "KHOAGIAO_CONFIG",
    "origin_user": "user config folder",
    "origin_embedded": "khoagiao's embedded default",
    "origin_default": "default",
    "cfg_db_empty": "give the ledger's file or a postgresql://… URL, or leave the key out",
    "cfg_db_url": "only a SQLite file or postgresql://user@host:port/database (the port a number)",
    "cfg_db_port_range": "the port must be 1–65535 (PostgreSQL's is usually 5432)",
    "cfg_db_password_in_file": "never a password in a config file; libpq reads PGPASSWORD, ~/.pgpass or PGSERVICE",
    "cfg_files_empty": "give a folder (say \\\\may-chu\\khoagiao), or leave the key out",
    "cfg_files_url": "a folder (say \\\\may-chu\\khoagiao), not a …:// address",
    "origin_db_config": "the db: key of schedule.yaml",
    "origin_db_flag": "--db",
    "origin_db_env": "KHOAGIAO_DB",
    "origin_db_user": "user data folder",
    "origin_ledger": "the day the ledger was created",
    "ledger_not_created": "no ledger yet; will be the real day the first report is recorded (by the clock, not --as-of)",
    "config_ledger": "Ledger: {path} ({origin})",
    "config_lang": "Language: {lang}",
    "written": {"one": "Wrote {path} (1 report).", "other": "Wrote {path} ({n} reports)."},
    # ------------------------------------------------------------------ help texts
    "h_app": (
        "khoagiao — tracks the reports the science-and-education block owes the provincial Commission: what "
        "is due, overdue and received. Vietnamese by default; --lang en for English."
    ),
    "h_due": "Reports overdue and due soon (run it every morning).",
    "h_submit": (
        "Record a received report. UNIT: a unit's code or part of its name; REPORT: a report id (monthly, "
        "q1, h1, q3, annual)."
    ),
    "h_withdraw": "Withdraw a recorded report (adds a withdrawal event; deletes nothing).",
    "h_overdue": "Overdue list for cron: prints nothing and exits 0 when nothing is overdue.",
    "h_status": "Every report of the year, for one unit or all.",
    "h_export": "Export the year's status as JSON, CSV, TOML, an ICS calendar (phones, Outlook) or an Excel workbook.",
    "h_units": "List the units.",
    "chain_footer": "Ledger: {n} records, hash chain head {head} (khoagiao verify --head {head})",
    "db_damaged": "The ledger {path} holds a damaged record, or one changed past khoagiao ({error}). Run khoagiao verify to see which; restore it from a backup.",
    "db_tampered": "The ledger {path} was changed past khoagiao: the file carries khoagiao's mark (set from schema {marked}) but says schema {found}. Restore it from a backup; khoagiao does not open it.",
    "verify_old_schema": "The ledger {path} is at schema {found} (written by an older khoagiao): it has no hash chain to check yet. The next command (khoagiao due, say) upgrades it and chains the records it holds; verify does not upgrade.",
    "verify_none": (
        "No ledger at {path} yet: nothing to verify (it is created by the first recorded report or by khoagiao db "
        "init). Check --db or KHOAGIAO_DB if this is a typo."
    ),
    "verify_head_only": "The ledger {path} no longer holds the state of the exported report:",
    "finding_gap": "links {name} of the hash chain were deleted (with their records).",
    "finding_link": "link #{seq} of the hash chain was not written by khoagiao.",
    "verify_predating": {"one": "{n} record predates the hash chain (the ledger was upgraded to schema 5): the chain vouches for it from the upgrade, not from when it was written.", "other": "{n} records predate the hash chain (the ledger was upgraded to schema 5): the chain vouches for them from the upgrade, not from when they were written."},
    "h_verify": (
        "Check the ledger: every record is as it was written (a SHA-256 hash chain), nothing changed, deleted or "
        "inserted past khoagiao."
    ),
    "o_head": (
        "The chain head printed on an earlier export: check that the ledger still holds that state (at least the "
        "first 12 characters)."
    ),
    "head_bad": "Invalid value for --head: '{value}' must be a hexadecimal hash (12–64 characters 0-9, a-f).",
    "verify_tampered": {
        "one": "The ledger {path} was changed past khoagiao ({n} thing does not fit):",
        "other": "The ledger {path} was changed past khoagiao ({n} things do not fit):",
    },
    "record_events": "event #{id}",
    "record_requests": "request #{id}",
    "record_incidents": "incident #{id}",
    "record_reminders": "reminder #{id}",
    "finding_changed": "{record}: differs from what was written (changed afterwards).",
    "finding_deleted": "{record}: was deleted from the ledger.",
    "finding_unchained": "{record}: was written past khoagiao (not in the hash chain).",
    "finding_schema": "schema: '{name}' was dropped, added or changed (not as khoagiao made it).",
    "findings_more": "… and {n} more.",
    "head_missing": (
        "{head} is not in the hash chain: the ledger was rewritten from before the export that printed it."
    ),
    "verify_ok": {
        "one": "Ledger {path}: {n} record, the hash chain fits from start to end; the schema is as khoagiao made it.",
        "other": "Ledger {path}: {n} records, the hash chain fits from start to end; the schema is as khoagiao made "
                 "it.",
    },
    "verify_head": "Chain head: {head}",
    "head_found": "{head} is in the chain: it was the head when the ledger had {at} records (record {at}); every "
                  "record up to it is intact.",
    "h_schedule": "The year's report deadlines.",
    "h_history": "The ledger's events (received, corrected, withdrawn, voided).",
    "h_init": "Write the default configuration to DIR for editing.",
    "h_config": "Validate the configuration and show where each setting comes from.",
    "h_help": "Show this message and exit.",
    "h_version": "Print the version and exit.",
    "o_as_of": (
        "Treat DATE as today (2026-03-18, 18/03/2026, 18/3); may carry a time (2026-03-18T14:30) for hour "
        "deadlines."
    ),
    "o_within": (
        "How many days ahead to look (default: due_soon); working days when due_soon counts working days (the "
        "default), calendar days when it counts calendar days."
    ),
    "o_unit": "Only one unit (code or part of its name).",
    "o_unit_arg": "Unit: code or part of the name, case- and accent-insensitive.",
    "o_report_arg": "Report: rule id (monthly, q1, h1, q3, annual) or part of its name.",
    "o_format_due": "table, plain or json. Default: a table on a terminal, plain when piped.",
    "o_format_overdue": "plain or json.",
    "o_format_table_json": "table or json.",
    "o_format_export": "json, csv, toml, ics (calendar) or xlsx (Excel).",
    "o_fail": "Exit with code 1 when anything is overdue.",
    "o_period": "Period: 2026-03 (03/2026, T3/2026), 2026-Q1 (Q1/2026, quý I/2026), 2026-H1 (H1 2026), 2026. Default: the earliest open one.",
    "o_period_req": "Period: 2026-03 (03/2026, T3/2026), 2026-Q1 (Q1/2026, quý I/2026), 2026-H1 (H1 2026), 2026.",
    "o_received": "Date received (default: today).",
    "o_doc": "Document number, e.g. 125/BC-SYT.",
    "o_channel": "How it arrived: paper, email, eoffice, other (or in Vietnamese: giấy, thư điện tử, văn phòng điện tử, khác).",
    "o_file": "Report file: a copy is kept in the file archive beside the ledger (named by its SHA-256), with its path and SHA-256.",
    "o_note": "Note.",
    "o_correct": "Record a correction of an already recorded report.",
    "o_year": "Year (default: the current year).",
    "o_output": "Write to FILE (safely: a temporary file, then renamed) instead of stdout.",
    "o_lang": "Language: vi or en (or KHOAGIAO_LANG).",
    "o_config": "Config folder with units.yaml, schedule.yaml (or KHOAGIAO_CONFIG).",
    "o_db": "SQLite ledger file, or the postgresql://… URL of a shared ledger (or KHOAGIAO_DB).",
    "o_force": "Overwrite existing files.",
    "o_dir": "Target folder (default: the user config folder).",
    "o_history_unit": "Only this unit's events.",
    "o_history_report": "Only this report.",
    "what_deadline": "--deadline",
    "what_occurred": "--occurred",
    "bad_month": "Month '{value}' is not valid (1–12).",
    "written_ics": {
        "one": "Wrote {path} (1 event; deadlines: {deadlines}).",
        "other": "Wrote {path} ({n} events; deadlines: {deadlines}).",
    },
    "unit_not_requested": "unit '{unit}' was not asked for '{request}' (see: khoagiao request list)",
    "period_unknown_adhoc": "'{report}' has no period '{period}'; there are: {known}",
    "ics_name": "Science-and-education reporting calendar {year}",
    "ics_deadline": "Due: {title}",
    "ics_owing": "Units yet to send it: {n}",
    "cal_month": "{month}/{year}",
    "weekdays_short": "Mo,Tu,We,Th,Fr,Sa,Su",
    "cal_nothing": "(no deadlines or meetings)",
    "cal_legend": "• report deadline   ◆ meeting   dimmed: day off",
    "ex_head": "{unit} ({code}) — {report} ({id}), period {period}",
    "ex_rule": "Rule: send it {wording}.",
    "ex_request": "Requested by document {doc}: send it {wording}.",
    "ex_incident": "Urgent report: the incident happened at {occurred}; the written report is due {deadline}.",
    "ex_nominal": "Last on-time day by the document: {day} ({weekday}).",
    "ex_skipped": "{day} ({weekday}) is a day off: {reason}",
    "ex_deadline": "Deadline: {day} ({weekday}), a working day.",
    "ex_deadline_moved": "Deadline: {day} ({weekday}) — {how}.",
    "ex_deadline_kept": "Deadline: {day} ({weekday}) — the rule keeps deadlines on days off (shift: none).",
    "ex_shift_next_working_day": "moved to the next working day (Civil Code 2015, art. 148)",
    "ex_shift_previous_working_day": "moved back to the previous working day",
    "ex_shift_none": "not moved",
    "ex_covers": "Data cut-off: from {start} to {end}.",
    "ex_no_events": "Ledger: nothing recorded for this report.",
    "ex_event": "Ledger: {text}",
    "ex_received": "{day}",
    "st_late_hours": {"one": "late by {n} hour", "other": "late by {n} hours"},
    "verdict_late_hours": {
        "one": "Late by {n} hour (deadline {deadline}).",
        "other": "Late by {n} hours (deadline {deadline}).",
    },
    "ex_recorded": "recorded {at} by {by}",
    "ex_untracked": "This deadline is before tracking started ({start}), so it is never counted overdue.",
    "st_untracked": "not tracked",
    "ex_status": "Status on {as_of}: {status}.",
    "request_id_bad": (
        "request id '{value}' is not valid: use lower-case letters, digits, '-', '_' or '.', e.g. qc238-2026"
    ),
    "request_id_taken": "'{value}' is already a report rule's id; choose another",
    "request_exists": "request '{value}' already exists (cancelled ones count); choose another id",
    "request_title_empty": "--title must not be empty",
    "request_units_or_group": "use either --units or --group, not both",
    "group_unknown": "no unit is in group '{value}' (groups: {known})",
    "request_unknown": "no request '{value}' (there are: {known})",
    "request_cancelled_already": "request '{value}' was already cancelled",
    "within_hours_bad": "--within must be 1 to 720 hours, not {value}",
    "occurred_future": "the incident time {occurred} is after now ({now})",
    "request_added": {
        "one": "Recorded request '{id}': {title}; due {deadline}; 1 unit must report.",
        "other": "Recorded request '{id}': {title}; due {deadline}; {n} units must report.",
    },
    "request_cancelled": "Cancelled request '{id}' ({title}).",
    "requests_none": "No one-off requests yet (add one with: khoagiao request add).",
    "requests_title": "One-off requests ({count})",
    "col_id": "Id",
    "col_title": "Title",
    "col_received_count": "Received",
    "cancelled": "cancelled",
    "incident_added": {
        "one": "Recorded incident #{id} of {unit}: {title}. The written report is due {deadline} (within 1 hour).",
        "other": "Recorded incident #{id} of {unit}: {title}. The written report is due {deadline} (within {n} hours).",
    },
    "h_remind": "Reminders to each unit with overdue or soon-due reports; a preview, or sent with --send.",
    "o_send": "Send over SMTP (the mail section of schedule.yaml, KHOAGIAO_SMTP_* variables).",
    "o_force_remind": "Send again a reminder already sent today.",
    "o_eml": "Write each message as an .eml file in DIR.",
    "o_mail_to": "Mail the overdue digest to this address (comma-separated for several) instead of printing it.",
    "mail_to_bad": "--mail-to '{value}' is not an e-mail address",
    "smtp_security_bad": "KHOAGIAO_SMTP_SECURITY '{value}' is not valid; use: {known}",
    "env_blank": "{name} is only blanks; give it a value or unset it",
    "env_control": "{name}='{value}' holds a control character (a line break, ESC…); set it again",
    "mail_from_bad": "KHOAGIAO_MAIL_FROM '{value}' is not an e-mail address",
    "smtp_port_bad": "KHOAGIAO_SMTP_PORT '{value}' is not a port (1–65535)",
    "smtp_no_host": "No mail server: set KHOAGIAO_SMTP_HOST or mail.host in schedule.yaml.",
    "smtp_no_sender": "No sender address: set KHOAGIAO_MAIL_FROM or mail.from in schedule.yaml.",
    "smtp_unreachable": "cannot reach the mail server {host}:{port} ({error})",
    "smtp_auth_failed": "the mail server refused the login of {user} ({code} {error})",
    "smtp_no_starttls": "the server {host}:{port} does not offer STARTTLS",
    "smtp_refused": "the mail server refused: {addresses}",
    "smtp_rejected": "the mail server did not take the message ({code} {error})",
    "remind_none": "No unit needs a reminder as of {as_of}.",
    "remind_preview": {
        "one": "Previewed 1 reminder; add --send to send it.",
        "other": "Previewed {n} reminders; add --send to send them.",
    },
    "remind_unreachable": {
        "one": "Cannot reach 1 unit without an e-mail address (the email key in units.yaml): {units}",
        "other": "Cannot reach {n} units without an e-mail address (the email key in units.yaml): {units}",
    },
    "remind_sent": {
        "one": "Sent: {unit} ({code}) → {to} (1 report).",
        "other": "Sent: {unit} ({code}) → {to} ({n} reports).",
    },
    "remind_skipped": (
        "Skipped: {unit} ({code}) was reminded of these same reports today at {at}; use --force to send "
        "again."
    ),
    "remind_failed": "could not send to {unit} ({code}): {error}",
    "eml_written": {"one": "Wrote 1 .eml file to {folder}.", "other": "Wrote {n} .eml files to {folder}."},
    "digest_failed": "could not mail the digest to {to}: {error}",
    "digest_sent": {
        "one": "Mailed the digest (1 overdue report) to {to}.",
        "other": "Mailed the digest ({n} overdue reports) to {to}.",
    },
    "no_email": "(no e-mail address)",
    "sender_unset": "(not set: KHOAGIAO_MAIL_FROM)",
    "mail_from_label": "From",
    "mail_to_label": "To",
    "mail_subject_label": "Subject",
    "mail_subject": "[{office}] Reports to send ({overdue} overdue, {due} due soon) — {date}",
    "mail_to": "To: {unit}",
    "mail_basis": "Under {basis}, the {office} asks you to send the following reports:",
    "mail_no_basis": "Under the periodic reporting rules, the {office} asks you to send the following reports:",
    "mail_item": "{n}. {report}, period {period}: {wording} (deadline {deadline}) — {left}.",
    "mail_how_email": "Please send each report on paper to the {office}, and its file by e-mail to {email}.",
    "mail_how": "Please send each report on paper to the {office}, and its file by e-mail.",
    "mail_already": (
        "If you have already sent it, please disregard this message and tell us so that we update our "
        "records."
    ),
    "mail_regards": "Yours faithfully,",
    "mail_footer": "Sent by khoagiao, the Commission's report tracker.",
    "h_stats": "The year's timeliness scorecard: per unit owed, on time, late, missing; ranked.",
    "stats_title": "Reporting on time in {year} — as of {as_of}",
    "stats_legend": (
        "Rate = on time / owed (deadline up to today); delays in days.\nMonths 1–12: ✓ on time  ! late  ✗ "
        "missing  · not yet due"
    ),
    "stats_none": "No reports owed in {year}.",
    "col_rank": "Rank",
    "col_owed": "Owed",
    "col_on_time": "On time",
    "col_avg_late": "Avg late (days)",
    "col_max_late": "Longest",
    "col_missing": "Missing",
    "col_delays": "Avg/max",
    "col_missing_short": "Missing",
    "col_rate_short": "Rate",
    "col_rate": "On time",
    "col_months": "Jan–Dec",
    "xlsx_year": "Year {year}",
    "xlsx_due": "due {day}",
    "xlsx_events": "Events",
    "xlsx_scores": "Ranking {year}",
    "output_dash": "This is a binary file, not for standard output (-o -): name a file, e.g. -o tracking.xlsx.",
    "xlsx_as_of": "As of {day}",
    "xlsx_page": "Page &P of &N",
    "xlsx_legend": "Colours:",
    "xlsx_legend_on_time": "on time",
    "xlsx_legend_late": "late",
    "xlsx_legend_overdue": "overdue",
    "xlsx_legend_due": "due soon",
    "xlsx_legend_upcoming": "upcoming",
    "xlsx_needs_output": "xlsx is a binary file: write it with -o FILE.xlsx.",
    "written_xlsx": {"one": "Wrote {path} (1 sheet).", "other": "Wrote {path} ({n} sheets)."},
    "h_import": (
        "Import received reports from the office's tracking sheet (.csv or .xlsx); written only when every "
        "row is valid."
    ),
    "o_import_file": (
        "A .csv or .xlsx file with columns unit, report, period, received (and optionally doc_number, "
        "channel, note); Vietnamese headings work too, below a few title rows. The xlsx that khoagiao export "
        "writes is read back too (its Events sheet)."
    ),
    "o_dry_run": "Check and show what would be recorded; write nothing.",
    "cal_days_off": "Days off: {days}",
    "cal_worked": "Worked weekend days: {days}",
    "usage_no_option": "No such option: {name}.",
    "usage_missing_option": "Missing option {name}.",
    "usage_missing_argument": "Missing argument {name}.",
    "usage_bad_value": "Invalid value for {name}: {detail}",
    "usage_not_number": "'{value}' is not a number.",
    "usage_out_of_range": "{value} is not in the range {range}.",
    "usage_needs_value": "Option {name} needs a value.",
    "usage_no_value": "Option {name} takes no value.",
    "usage_extra": "Unexpected extra arguments: {args}.",
    "usage_no_command": "No such command '{name}'.",
    "usage_hint": "See: {command} -h",
    "aborted": "Aborted.",
    "import_missing": "File not found: {path}.",
    "import_format": "{path}: only .csv and .xlsx files can be imported.",
    "import_encoding": "{path} is not UTF-8 text; save it again as CSV UTF-8.",
    "import_not_xlsx": "{path} is not an Excel workbook (.xlsx) (an old .xls, or a damaged file); save it again as .xlsx or .csv.",
    "import_unreadable": "Cannot read the workbook {path} ({error}).",
    "import_empty": "{path} is empty.",
    "import_columns": (
        "Missing columns: {missing}. The heading row has: {found}. Needed: Unit, Report, Period, Received (or the "
        "Vietnamese headings of khoagiao's own export: Đơn vị, Báo cáo, Kỳ, Ngày nhận)."
    ),
    "import_col_received": "received",
    "import_row": "Row {row}: {error}",
    "import_twice": "the same report as row {other} (unit, report and period)",
    "import_conflict": (
        "already recorded as received {received} (event #{event}); to change it use khoagiao submit --correct"
    ),
    "import_raced": "Rows {rows} were just recorded by someone else; nothing written. Run it again.",
    "import_bad": {
        "one": "1 row is not valid; nothing was recorded:",
        "other": "{n} rows are not valid; nothing was recorded:",
    },
    "import_too_many": "{path} has more than {max} rows; one import takes at most {max}: split the file.",
    "import_done": {
        "one": "Recorded 1 report from {path} (event {ids}).",
        "other": "Recorded {n} reports from {path} (events {ids}).",
    },
    "import_nothing": "No new reports to record from {path}.",
    "import_already": {
        "one": "Skipped 1 row already in the ledger: {rows}.",
        "other": "Skipped {n} rows already in the ledger: {rows}.",
    },
    "import_would": {
        "one": "Would record 1 report (dry run, nothing written):",
        "other": "Would record {n} reports (dry run, nothing written):",
    },
    # ------------------------------------------------------------------ hostile input: characters, sizes, files
    "usage_control": "contains the control character {char} at position {pos}; type the value again (do not paste odd characters).",
    "usage_not_utf8": "is not valid UTF-8 text (position {pos}); type the value again.",
    "text_control": "{what}: contains the control character {char} at position {pos}; remove it.",
    "text_not_utf8": "{what}: is not valid UTF-8 text (position {pos}).",
    "text_too_long": "{what}: {n} characters long, more than the limit of {max}.",
    "import_column": "column {column} ({name})",
    "import_heading": "Row {row}, column {column}",
    "import_cell_huge": "File {path}, row {row}: a cell is longer than {limit} characters; a cell may hold at most {max}.",
    "import_csv_bad": "File {path}, row {row}: cannot be read as CSV ({error}).",
    "import_stdin": (
        "khoagiao import cannot read standard input (-) yet; save the sheet as a .csv or .xlsx file and name that file."
    ),
    "not_a_file": "Cannot use {path}: it {kind}, not a file.",
    "kind_folder": "is a folder",
    "kind_fifo": "is a pipe (FIFO)",
    "kind_device": "is a device",
    "kind_socket": "is a socket",
    "kind_other": "is a special file",
    "output_not_file": "Will not write over {path}: it {kind}, not a file.",
    "output_parent_not_folder": "Cannot write {path}: {folder} is not a folder.",
    "h_letter": (
        "Draft an urging letter (a Word .docx in the party's document format, 36-HD/VPTW) to a unit with "
        "overdue reports, or (--all) one letter to every such unit, with an appendix unit by unit."
    ),
    "o_letter_output": (
        "The .docx file to write (default: cong-van-don-doc-CODE-DATE.docx; "
        "with --all: cong-van-don-doc-DATE.docx)."
    ),
    "o_letter_unit": "The unit the letter goes to (code, name or short name); none with --all.",
    "o_letter_all": (
        "One letter to every unit with overdue reports (\"To: the units listed in the appendix\"), the appendix "
        "listing each unit's missing reports."
    ),
    "letter_unit_or_all": "Name either one unit (khoagiao letter CODE) or --all for every unit, not both.",
    "letter_all_none": "No unit has overdue reports as of {as_of}; no letter written.",
    "letter_all_written": (
        "Wrote the draft letter {path} to {units} ({reports} overdue). Fill in the number before it is signed."
    ),
    "letter_all_title": "Letter urging overdue reports — the units listed in the appendix",
    "letter_all_to": "To: the units listed in the appendix",
    "letter_all_opening": (
        "{basis}, the units of the science-and-education block report periodically to the {office}. As of "
        "{as_of}, the {office} has not received {reports} from the {units} listed in the appendix to this letter."
    ),
    "letter_all_request": (
        "So that it can consolidate and report in time, the {office} asks these units to complete and send the "
        "missing reports without delay{how}."
    ),
    "letter_appendix": "APPENDIX",
    "letter_appendix_title": "Each unit's overdue reports",
    "letter_appendix_of": "(To letter No.        -{symbol}, {date}, of the {office})",
    "letter_none": "{unit} has no overdue reports as of {as_of}; no letter written.",
    "letter_written": {
        "one": "Wrote the draft letter {path} (1 overdue report). Fill in the number before it is signed.",
        "other": "Wrote the draft letter {path} ({n} overdue reports). Fill in the number before it is signed.",
    },
    "letter_date": "{day}/{month}/{year}",
    "letter_title": "Letter urging overdue reports — {unit}",
    "letter_number": "No.        -{symbol}",
    "letter_subject": "Re: reports overdue",
    "letter_to": "To: {unit}",
    "letter_basis": "Under {basis}",
    "letter_no_basis": "Under the periodic reporting rules",
    "letter_opening": (
        "{basis}, the units of the science-and-education block report periodically to the {office}. As of "
        "{as_of}, the {office} has not received the following reports of the {unit}:"
    ),
    "letter_col_n": "No.",
    "letter_col_deadline": "Deadline",
    "letter_deadline": "{wording} (deadline {deadline})",
    "letter_col_late": "Overdue",
    "letter_how_email": ", and the files by e-mail to {email}",
    "letter_request": (
        "So that it can consolidate and report in time, the {office} asks the {unit} to complete and send "
        "the reports above without delay{how}."
    ),
    "letter_closing": "Thank you for your cooperation.",
    "letter_recipients": "Recipients:",
    "letter_recipient_unit": "- As above,",
    "letter_recipient_archive": "- Office archive.",
    "letter_signer_blank": "(name of the signer)",
    "h_summary": (
        "The page for the quarterly block briefing (a Word .docx): per unit, the reports due in the quarter, how many "
        "came on time, late, or not yet; the units to urge; the on-time rate against the previous quarter."
    ),
    "o_quarter": "The quarter: 1, 2, 3 or 4 (I–IV, Q1, quý I are taken too).",
    "o_quarter_year": "The quarter's year (default: that of the latest such quarter that has begun: in January, quarter 4 is last year's).",
    "o_summary_output": "The .docx file to write (default: giao-ban-YEAR-QUARTER.docx, e.g. giao-ban-2026-Q1.docx).",
    "bad_quarter": "Quarter '{value}' is not valid: use 1, 2, 3 or 4 (or I–IV).",
    "summary_none": "No unit has a report due in {quarter}; no file written.",
    "summary_written": (
        "Wrote the summary of {quarter} to {path}: {expected} reports expected, {on_time} on time, {late} late, "
        "{missing} missing."
    ),
    "summary_title": "Reports received in {quarter}",
    "summary_heading": "REPORTS RECEIVED FROM THE UNITS",
    "summary_subheading": "Reports due in {quarter}, as of {as_of}",
    "summary_purpose": "(For the science-and-education block briefing, {quarter})",
    "summary_section_overall": "1. Overall",
    "summary_section_units": "2. Unit by unit",
    "summary_section_urge": "3. Units to urge",
    "summary_overall": (
        "In {quarter} the units were to send {expected} reports. As of {as_of}: {on_time} came on time, {late} "
        "late, {missing} have not come (overdue), {early} came ahead of a deadline still to come, {not_due} are "
        "not yet due."
    ),
    "summary_rate": "On-time rate in {quarter}: {rate}; in {before}: {before_rate}{change}.",
    "summary_up": " (up {points} percentage points)",
    "summary_down": " (down {points} percentage points)",
    "summary_same": " (unchanged)",
    "summary_no_rate": "no report due yet",
    "summary_col_expected": "Expected",
    "summary_col_missing": "Missing (overdue)",
    "summary_col_early": "Received early",
    "summary_col_not_due": "Not yet due",
    "summary_col_rate": "On-time rate",
    "summary_total": "Total",
    "summary_urge_line": "- {unit}: {reports}.",
    "summary_urge_report": "{report} ({period}, {late})",
    "summary_urge_none": "No unit owes a report due in {quarter}.",
    "h_explain": "Explain one report: rule → the document's day → days off skipped → deadline → ledger → status.",
    "h_calendar": "Month by month: report deadlines, meetings (block briefings, the conference) and days off.",
    "h_request": "One-off report requests (from a document): add, list, cancel.",
    "h_request_add": (
        "Record a one-off request from a document; the units asked see it in due, overdue, status and export."
    ),
    "h_request_list": "The one-off requests and how many units sent theirs.",
    "h_request_cancel": "Cancel a request (adds a cancellation; deletes nothing).",
    "h_incident": "Urgent incident reports, with deadlines in hours.",
    "h_incident_add": "Record a unit's urgent incident; its written report is due --within hours after it happened.",
    "o_period_arg": "Period: 2026-03 (03/2026, T3/2026), 2026-Q1 (Q1/2026, quý I/2026), 2026-H1 (H1 2026), 2026.",
    "o_month": "Only one month (1–12).",
    "o_request_id": "Short id of the request, used to record it: khoagiao submit syt ID.",
    "o_title": "What the request asks for.",
    "o_request_deadline": "The deadline the document gives (2026-05-31, 31/05/2026).",
    "o_request_doc": "Number of the requesting document (e.g. 125-CV/BTGDVTU).",
    "o_request_units": "The units asked, comma-separated (default: every unit).",
    "o_request_group": "Every unit of one group (sở, hội, ...).",
    "o_request_all": "Cancelled requests too.",
    "o_incident_title": "The incident (e.g. a dengue outbreak in ward X).",
    "o_occurred": "When it happened or became known (2026-11-22T08:30, 22/11/2026 8:30).",
    "o_within_hours": "Hours allowed for the written report.",
    # ------------------------------------------------------------------ the configuration's folder, periods and deadlines in words, the config reference
    "config_folder": "Config folder: {path} ({origin})",
    "file_own": "the user's",
    "file_default": "khoagiao's embedded default",
    "file_default_missing": "khoagiao's embedded default (the folder has no such file)",
    "n_reports": {"one": "{n} report", "other": "{n} reports"},
    "n_units": {"one": "{n} unit", "other": "{n} units"},
    "o_reference": (
        "Print the reference of every key of units.yaml and schedule.yaml (from the schema itself) and exit."
    ),
    "period_month": "{month}/{year}",
    "period_quarter": "Q{index} {year}",
    "period_half_1": "H1 {year}",
    "period_half_2": "H2 {year}",
    "period_year": "{year}",
    "wording_before": "before {day}",
    "wording_by": "by {day}",
    "wording_at": "by {at}",
    "ref_key": "Key",
    "ref_value": "Value",
    "ref_default": "Default",
    "ref_meaning": "Meaning",
    "ref_one_of": "one of: {values}",
    "ref_list": "a list: {of}",
    "ref_mapping": "a mapping (below)",
    "ref_int": "a whole number",
    "ref_text": "text",
    "ref_date": "a date (2026-01-31 or 31/01/2026)",
    "ref_none": "—",
    "ref_required": "required",
    # ------------------------------------------------------------------ found in review
    "db_upgrade_readonly": (
        "The ledger {path} was written by an older khoagiao (schema {found}); it must be upgraded to schema {known}, but the file is read-only. Run a recording command (such as khoagiao submit) once with write access."
    ),
    "db_missing": (
        "There is no ledger at {path} yet: nothing has been recorded there (it is created by the first recorded report). Check --db or KHOAGIAO_DB if this is a typo."
    ),
    "period_out_of_range": "Period '{period}' is outside the years khoagiao tracks ({first}–{last}).",
    "cfg_date_no_year": "'{value}' has no year; write 2026-01-31 or 31/01/2026",
    "remind_unrecorded": (
        "sent to {unit} ({code}) but it could not be recorded in the ledger: {error}. The other units were not sent theirs; run it again when the ledger can be used."
    ),
    "weekday_names": "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
    "usage_empty": "must not be empty.",
    "output_folder_missing": "Cannot write {path}: the folder {folder} does not exist.",
    "output_is_folder": "Cannot write {path}: it is a folder; give a file name.",
    "eml_folder_missing": "Cannot use the folder {folder} (--eml): its parent folder does not exist, or it is a file.",
    "chosen_period_correct": "Period {period} was taken: the latest one recorded. Use --period to correct another.",
    "config_not_folder": (
        "{path} (from {origin}) is not a folder; point at the folder that holds units.yaml and schedule.yaml."
    ),
    "config_file_not_file": "Cannot read the config file {path}: it is not a file (a folder, or a broken link).",
    "bad_lang_env": "KHOAGIAO_LANG='{value}' is not supported; use vi or en.",
    "history_none_matching": "No event matches those filters.",
    "period_not_a_period": "'{period}' is not a period (e.g. 2026-03, 2026-Q1, 2026-H1, 2026).",
    "init_kept": "Kept the file already there: {files} (use --force to overwrite it).",
    "usage_not_integer": "'{value}' is not a whole number.",
    # ------------------------------------------------------------------ issue 10, part B: Tết seen coming, mistakes undone
    "record_voids": "void H{id}",
    "record_incident_cancels": "incident cancellation #{id}",
    "h_void": (
        "Void an entry made by mistake (the office's own error, unlike a unit withdrawing its report): adds a void "
        "record, changes and deletes nothing; the voided event counts as never recorded."
    ),
    "o_void_id": "The number of the event to void (see khoagiao history), e.g. 5 or #5.",
    "o_void_note": "Why (required), e.g. recorded under the wrong unit.",
    "voided": "Voided entry #{event} ({kind}) made by mistake: {unit} — {report} ({period}); void record {void}.",
    "voided_open": "The report is now outstanding.",
    "voided_in_force": "The entry in force is now #{event} (received {received}).",
    "void_of_void": (
        "'{value}' is a void record; a void cannot be voided. If it was voided by mistake, record the report again "
        "(khoagiao submit)."
    ),
    "void_id_bad": "'{value}' is not an event number (e.g. 5 or #5; see khoagiao history).",
    "void_note_empty": "Say why (--note).",
    "void_unknown": "There is no event #{id} in the ledger (see khoagiao history).",
    "void_already": "Event #{id} was already voided ({void}, recorded {at} by {by}); nothing more recorded.",
    "voided_mark": "voided (entry error)",
    "voided_short": "voided",
    "history_void": "{void} voids #{event}",
    "ex_voided": "voided (entry error): {void}, recorded {at} by {by} — {note}",
    "h_incident_list": "The incidents recorded and the written report of each.",
    "h_incident_cancel": "Cancel an incident (adds a cancellation, deletes nothing); it leaves due/overdue.",
    "o_incident_all": "Cancelled incidents too.",
    "o_incident_id": "The incident's number (see khoagiao incident list), e.g. 1 or #1.",
    "incidents_none": "No incidents yet (add one with: khoagiao incident add).",
    "incidents_title": "Incidents needing an urgent report ({count})",
    "col_occurred": "Occurred",
    "incident_id_bad": "'{value}' is not an incident number (e.g. 1 or #1; see khoagiao incident list).",
    "incident_unknown": "There is no incident #{value}; incidents followed: {known}.",
    "incident_cancelled_already": "Incident #{value} was already cancelled.",
    "incident_cancelled": "Cancelled incident #{id} of {unit} ({title}).",
    "cfg_due_soon": "must read like '5 working days' or '7 days', not '{value}'",
    "cfg_due_soon_both": "give one of due_soon and due_soon_days (the older key, in calendar days), not both",
    "due_none_working": {
        "one": "Nothing overdue or due within the next working day (up to {until}). All clear.",
        "other": "Nothing overdue or due within the next {n} working days (up to {until}). All clear.",
    },
    "due_soon_working": {"one": "1 working day", "other": "{n} working days"},
    "due_soon_calendar": {"one": "1 day", "other": "{n} days"},
    "o_yes": "Record even when the period looks mistyped (its deadline far ahead, or received before it began).",
    "o_import_yes": "Record rows whose period looks mistyped (deadline far ahead, or received before it began).",
    "doubt_far": (
        "period {period} is due {deadline}, {n} days from now (beyond the due-soon window, up to {until}), and it "
        "was received {received}, before the month it is due in"
    ),
    "doubt_early": "received {received}, before period {period} began ({start})",
    "doubt_refused": "Nothing recorded: {reasons}. A mistyped period? If it is the right one, add --yes.",
    "doubt_confirm": "Note: {reasons}. Record it anyway?",
    "doubt_both": "{first}; {second}",
    "doubt_row": "{reasons}; a mistyped period? If it is right, add --yes.",
    "no_outstanding_done": (
        "{unit}'s {rule} is already recorded (#{event}): latest period {period}, received {received}; no period is "
        "waiting. Use --period for another period, or --correct to correct it."
    ),
    # ------------------------------------------------------------------ part C: input the way the office writes it
    "period_form": (
        "Period '{period}' is not in a form khoagiao reads. Write: 2026-03, 03/2026, T3/2026, tháng 3/2026 "
        "(month); 2026-Q1, Q1/2026, quý I/2026 (quarter); 2026-H1, H1 2026, 6 tháng đầu năm 2026 (half-year); "
        "2026 (year)."
    ),
    "period_not_in_rule": "{name} ({rule}) has no period '{period}' ({label}); its periods in {year}: {known}.",
    "channel_words": "paper (giấy), email (thư điện tử), eoffice (văn phòng điện tử), other (khác)",
    "import_more": {"one": "… and {n} more row.", "other": "… and {n} more rows."},
    "import_sheet": "Reading sheet '{sheet}', headings in row {row}.",
    "import_superseded": {
        "one": "Skipped {n} row corrected or withdrawn later in the same file: {rows}.",
        "other": "Skipped {n} rows corrected or withdrawn later in the same file: {rows}.",
    },
    "file_symlink": "Cannot use {path}: it is a symbolic link; name the file itself.",
    "file_copy_failed": "The copy of {path} in the archive {folder} does not match its SHA-256; nothing recorded. Try again.",
    "file_kept": "File copy kept: {path}",
    "file_copy_line": "File kept: {path}",
    "file_copy_missing": "Kept file {sha} is no longer in the archive {folder}",
    "history_files": "Report files kept:",
    "history_file": "  #{event}: {path}",
    "history_file_missing": "  #{event}: no longer in the archive (SHA-256 {sha})",
    "verify_files_ok": {
        "one": "File archive {folder}: {n} file matches its SHA-256.",
        "other": "File archive {folder}: {n} files match their SHA-256.",
    },
    "verify_file_changed": "kept file {path}: its content does not match the SHA-256 in its name (changed after it was kept).",
    "import_no_sheets": "it has no worksheet",
    "import_heading_row": "Headings in row {row}.",
    # ------------------------------------------------------------------ part D: every screen readable (issue 10 §5)
    # click's and typer's own words in the help (cli/language.py)
    "help_usage": "Usage",
    "help_options": "Options",
    "help_commands": "Commands",
    "help_arguments": "Arguments",
    "help_default": "[default: {}]",
    "help_envvar": "[env var: {}]",
    "help_required": "[required]",
    "help_deprecated": "(deprecated) ",
    "help_options_metavar": "[OPTIONS]",
    "help_command_metavar": "COMMAND [ARGS]...",
    "help_range": "{low}–{high}",
    # metavars: what a value on the command line is
    "mv_ADDR": "ADDR",
    "mv_CHANNEL": "CHANNEL",
    "mv_CODES": "CODES",
    "mv_DATE": "DATE",
    "mv_DATETIME": "DATETIME",
    "mv_DIR": "DIR",
    "mv_FILE": "FILE",
    "mv_GROUP": "GROUP",
    "mv_HASH": "HASH",
    "mv_HOURS": "HOURS",
    "mv_ID": "ID",
    "mv_N": "N",
    "mv_PATH": "PATH",
    "mv_PERIOD": "PERIOD",
    "mv_REPORT": "REPORT",
    "mv_TEXT": "TEXT",
    "mv_UNIT": "UNIT",
    "mv_YEAR": "YEAR",
    # words for values (outputs/phrases.py)
    "channel_paper": "paper",
    "channel_email": "e-mail",
    "channel_eoffice": "e-office",
    "channel_other": "other",
    "decimal_mark": ".",
    "incident_report": "Incident report",
    "o_format_status": "table, plain (for cron and files) or json. Default: a table.",
    # ------------------------------------------------------------------ part A: the units as they are now
    "cfg_successor_cycle": "the successors form a cycle: {cycle}; a chain of successors must end at one unit",
    "cfg_units_removed": (
        "the ledger {ledger} has records of units no longer in units.yaml: {codes}. Do not remove a unit that has "
        "a history: keep it with active_until (and successor, if another unit took over) so its history stays "
        "reachable."
    ),
    "unit_succeeded": "{name} ceased on {since}; its successor is {code} ({heir}). {hint}",
    "succeeded_submit": "Record: khoagiao submit {code} {report} --period {period} …",
    "succeeded_any": (
        "Record: khoagiao submit {code} {report} …; for an old report of {old} (before the change) give --period."
    ),
    "succeeded_withdraw": "Withdraw: khoagiao withdraw {code} {report} --period {period}",
    "succeeded_explain": "See: khoagiao explain {code} {report} {period}",
    "succeeded_import": "Write {code} in the unit column.",
    "period_delivered": (
        "The {rule} for {period} was sent by {other_name} ({other}) (received {received}, event "
        "#{event}); {unit} does not owe that period again."
    ),
    "carried_from": "(taken over from {old})",
    "ex_carried": "This period was owed by {old} ({code}); that unit existed until {until}, so {unit} took it over.",
    # ------------------------------------------------------------------ part E: defects found by the new-user trial
    "verify_files_bad": {
        "one": "The file archive {folder} does not match the ledger ({n} file):",
        "other": "The file archive {folder} does not match the ledger ({n} files):",
    },
    "verify_file_lost": (
        "event #{event}: the kept file (SHA-256 {sha}) is no longer in the archive {folder} (deleted or moved)."
    ),
    "verify_files_hint": (
        "If this ledger is a backup, or was copied from elsewhere, the received files are in the khoagiao-files "
        "folder beside the original: copy them into {folder}."
    ),
    "request_past": {
        "one": "Nothing recorded: the deadline {deadline} has passed (today is {today}), so the {n} unit asked "
               "would be overdue at once. If it is the right deadline (a request entered late), add --yes.",
        "other": "Nothing recorded: the deadline {deadline} has passed (today is {today}), so the {n} units asked "
                 "would be overdue at once. If it is the right deadline (a request entered late), add --yes.",
    },
    "request_past_confirm": {
        "one": "Note: the deadline {deadline} has passed (today is {today}); {n} unit would be overdue at once. "
               "Record it anyway?",
        "other": "Note: the deadline {deadline} has passed (today is {today}); {n} units would be overdue at once. "
                 "Record it anyway?",
    },
    "o_request_yes": "Record it even when its deadline has passed (every unit asked is overdue at once).",
    "impossible_time": "{what} '{value}': the time of day is invalid (hours 0 to 23, minutes 0 to 59).",
    "doubt_ahead": "period {period} is due {deadline}, {n} days from now (beyond the due-soon window, up to {until})",
    # ------------------------------------------------------------------ issue 11: history pages
    "o_history_since": "Only events recorded on this day or later (e.g. 01/11/2026).",
    "o_history_limit": "Only the N newest events (default: a screenful on a terminal; all when piped or redirected).",
    "what_since": "--since",
    "history_more": "Showing the {shown} newest of {total} events; more with --limit N or --since DATE.",
    "help_range_min": "{low} or more",
    "status_too_many": "The year has {n} reports, more than {most} rows for one table: shown as plain text. One unit: khoagiao status UNIT.",
    # ------------------------------------------------------------------ the ledger's database (cli/database.py)
    "h_db": "The ledger's database: made ready (init), looked at (status), moved elsewhere (copy).",
    "h_db_init": (
        "Make the ledger ready: its schema if it has none; on PostgreSQL, two group roles and their grants: clerks "
        "(read and add, never change or delete) and readers (read only). Running it again does no harm."
    ),
    "h_db_status": "The ledger in use: where, which schema, how many records, who wrote last.",
    "h_db_copy": (
        "Copy the whole ledger SRC to DST (a SQLite file or postgresql://…, either way), keeping numbers, moments "
        "and recorders; DST must be empty. The copy is checked: rows per table, a SHA-256 fingerprint of every "
        "record in order, and the hash chain."
    ),
    "h_backup": (
        "Back the ledger up as one SQLite file (while others go on writing), by default into the user data folder's "
        "backups/, keeping the newest ones. On PostgreSQL, also how to use pg_dump."
    ),
    "o_clerk_role": "The clerks' group role (default khoagiao_clerk).",
    "o_reader_role": "The readers' group role (default khoagiao_reader).",
    "o_clerk": "Make this login role a clerk (may be repeated).",
    "o_reader": "Make this login role a reader (may be repeated).",
    "o_copy_source": "The ledger to copy: a SQLite file or postgresql://….",
    "o_copy_target": "Where to copy it, empty: a SQLite file not there yet or an empty PostgreSQL database.",
    "o_backup_output": (
        "The backup file (not there yet: it is never written over), or the folder to put it in (default: the user "
        "data folder's backups/)."
    ),
    "o_keep": "How many of this ledger's newest backups to keep in the folder (default 10); other ledgers' stay.",
    "backend_sqlite": "SQLite",
    "backend_postgresql": "PostgreSQL",
    "db_init_made": "Made the ledger {path} ({backend}, schema {version}).",
    "db_init_there": "The ledger {path} was there ({backend}, schema {version}); every record is kept.",
    "db_roles_made": "Made the group roles: {roles}.",
    "db_grants": (
        "Granted: clerks ({clerk}) read and add (SELECT, INSERT), and the database refuses them changes and deletions; "
        "readers ({reader}) read only (SELECT)."
    ),
    "db_member": "  {role}: in the group {group}.",
    "db_members_hint": (
        "Give each person a login role of their own and put it in a group, e.g. psql -c \"CREATE ROLE lan LOGIN "
        "PASSWORD '…'\", then khoagiao db init --clerk lan. What they record carries their role's name."
    ),
    "db_roles_sqlite": (
        "Roles and grants (--clerk, --reader, --clerk-role, --reader-role) are for a ledger on PostgreSQL; {path} is a "
        "SQLite file: who may read or write it is set by the file's permissions."
    ),
    "pg_role_bad": (
        "'{value}' cannot be a role name here: lower-case letters without accents, digits, _ and $ only, starting "
        "with a letter or _."
    ),
    "pg_not_owner": (
        "khoagiao db init must be run by the owner of the tables of the ledger {path} ({owner}), a member of that role or "
        "a server administrator; the role in use is {role}, which can grant nothing on those tables. Run it again as "
        "{owner}. Nothing was changed."
    ),
    "pg_no_createrole": (
        "The role {role} may not create roles (it lacks CREATEROLE), so the groups {groups} for the ledger {path} "
        "cannot be made. A server administrator gives it, for instance as the postgres user: psql -c \"ALTER ROLE "
        "{role} CREATEROLE\" (or makes the groups beforehand with CREATE ROLE … NOLOGIN); then run it again. Nothing "
        "was changed."
    ),
    "pg_role_missing": (
        "The server of the ledger {where} has no role '{role}': make it first (CREATE ROLE {role} LOGIN PASSWORD '…';) "
        "and run this again. Nothing was changed."
    ),
    "db_none": "No ledger at {path} yet: the first command that records (submit, …) or khoagiao db init makes it.",
    "db_where": "Ledger: {path} ({backend}, schema {version})",
    "db_created": "Made on: {day}",
    "db_counts": "Records: {events} events, {requests} requests, {incidents} incidents, {reminders} reminders, {voids} voids",
    "db_chain": "Hash chain: {n} links, head {head}",
    "db_last": "Last written: {what}, at {at}, by {by}",
    "copy_done": "Copied the ledger {source} to {target}.",
    "copy_checked": (
        "Checked: the rows of every table and the SHA-256 fingerprint of every record in order are the same on both "
        "sides ({digest}); the hash chain holds from start to end, {n} links, the same head {head}."
    ),
    "copy_files": "Copied {n} received files to {folder}.",
    "copy_same": "The source and the destination are the same ledger ({path}).",
    "copy_source_missing": "There is no ledger at {path}.",
    "copy_source_tampered": (
        "The ledger {path} does not pass its check: {n} findings (see khoagiao verify). Such a ledger is not copied; "
        "nothing was written."
    ),
    "copy_target_not_empty": (
        "{path} already holds data: a copy goes only into a file not there yet or an empty database, so that two "
        "ledgers never mix. Nothing was written."
    ),
    "copy_mismatch": "The copy from {source} to {target} did not read back as the original; undone, nothing was written.",
    "keep_bad": "--keep is how many backups to keep, 1 or more, not {value}.",
    "backup_done": "Backed up the ledger {source} to {path} ({events} events, {n} links, head {head}).",
    "backup_pruned": {
        "one": "Removed {n} older backup of this ledger from {folder}, keeping the newest {keep}.",
        "other": "Removed {n} older backups of this ledger from {folder}, keeping the newest {keep}.",
    },
    "backup_files": {
        "one": "The {n} received file is in the folder {folder}, beside the backup: when you copy the backup "
               "elsewhere, copy that folder with it (verify looks for the files there).",
        "other": "The {n} received files are in the folder {folder}, beside the backup: when you copy the backup "
                 "elsewhere, copy that folder with it (verify looks for the files there).",
    },
    "backup_exists": (
        "Not writing the backup to {path}: that file is there already, and khoagiao never writes over it. Give a "
        "file name not taken yet, or a folder (-o FOLDER). Nothing was written."
    ),
    "backup_names_taken": (
        "Could not write the backup into {folder}: the name {path} and the ones after it, -2 to -999, are all "
        "taken. Nothing was written."
    ),
    "backup_pg": (
        "The ledger is on a PostgreSQL server: the file above is a copy you can open with --db. To back up the whole "
        "database (with its roles and grants), use pg_dump, e.g.:\n  pg_dump --format=custom "
        "--file=khoagiao-{day}.dump \"{url}\"\nand restore it with pg_restore --dbname=DBNAME khoagiao-{day}.dump"
    ),
    # ------------------------------------------------------------------ board (the status page)
    "h_board": (
        "A status board for the browser: one self-contained HTML page (prints on A4 landscape) with what is overdue "
        "and due soon, the year as a grid (units × periods), the on-time ranking and the quarter's meetings."
    ),
    "o_board_output": "Write the page to FILE.html (safely: a temporary file, then renamed); '-' for stdout.",
    "o_board_group": "Only the units of GROUP (a group of units.yaml: sở, hội …), with the Commission's own reports.",
    "o_board_max_units": (
        "Draw at most N units in the grid (default 200); with more units, only those with the most reports missing "
        "or late, saying how many were left out."
    ),
    "board_written": "Wrote {path}: the {year} board, {n} of {units} units in the grid.",
    "thousands_mark": ",",
    "board_kicker": "Report status board",
    "board_title": "Reporting in {year}",
    "board_group": "group {group}",
    "board_as_of": "As of",
    "board_made_at": "Made {at}",
    "board_tile_overdue": "reports overdue",
    "board_tile_overdue_units": {"one": "from 1 unit", "other": "from {n} units"},
    "board_tile_due": "reports due soon",
    "board_tile_due_until": "deadlines up to {until}",
    "board_tile_rate": "on time in {year}",
    "board_tile_rate_of": {"one": "of 1 report due so far", "other": "of {n} reports due so far"},
    "board_tile_own": "to send: overdue or due soon",
    "board_attention": "To chase: overdue and due soon",
    "board_and_more": {"one": "and 1 other unit", "other": "and {n} other units"},
    "board_nothing_due": "Nothing is overdue or due soon.",
    "board_meetings": "Meetings in {quarter}",
    "board_meeting": "Meeting",
    "board_meeting_day": "Day",
    "board_meeting_time": "Time",
    "board_meeting_held": "held",
    "board_meeting_moved": "moved from {day} (a day off)",
    "board_no_meetings": "No meetings this quarter.",
    "board_ranking": "Ranking by reports on time, {year}",
    "board_scores_hidden": {
        "one": "… 1 unit in the middle of the ranking is not shown here (khoagiao stats lists every one) …",
        "other": "… {n} units in the middle of the ranking are not shown here (khoagiao stats lists every one) …",
    },
    "board_rate_note": (
        "Rate = reports on time / reports owed with a deadline up to the as-of day; Avg/max: days late on average "
        "and at most. Jan–Dec: ✓ on time, ! a report late, ✗ missing, · not yet due. Ranked over the whole block."
    ),
    "board_year": "The year {year}: units × periods",
    "board_not_owed": "not owed",
    "board_left_out": {
        "one": (
            "The grid draws {shown} of the {units} units, those with the most reports missing or late first; 1 other "
            "unit is not drawn ({clear} of them with nothing overdue or late). To see every unit: khoagiao board --group GROUP (one "
            "group at a time), khoagiao board --max-units {all}, or the spreadsheet khoagiao export --format xlsx."
        ),
        "other": (
            "The grid draws {shown} of the {units} units, those with the most reports missing or late first; {n} "
            "other units are not drawn ({clear} of them with nothing overdue or late). To see every unit: khoagiao board --group GROUP "
            "(one group at a time), khoagiao board --max-units {all}, or the spreadsheet khoagiao export --format "
            "xlsx."
        ),
    },
    "board_late": {"one": "{n} day late", "other": "{n} days late"},
    "board_late_hours": {"one": "{n} hour late", "other": "{n} hours late"},
    "board_received": "received {day}",
    "board_months": "Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec",
    "board_month_on_time": "on time",
    "board_month_late": "a report late",
    "board_month_missing": "missing",
    "board_month_upcoming": "not yet due",
    "board_month_none": "no report",
    "board_incidents_more": {
        "one": "and 1 more urgent report (khoagiao incident list --all).",
        "other": "and {n} more urgent reports (khoagiao incident list --all).",
    },
    "board_footer": (
        "Made by khoagiao {version}. Figures as of {as_of}, the same as khoagiao status --format json and "
        "khoagiao stats --format json for that day."
    ),
}
