"""An import that turns the person's older entries over tells them in the order they were
logged, whichever film each is of."""

from pathlib import Path

from tests.conftest import Cli


def test_entries_turned_over_by_an_import_are_named_in_the_order_logged(
    cli: Cli, hosts: None, tmp_path: Path
) -> None:
    cli.ok("log", "Jaws", "--year", "1975", "--date", "2024-01-10")
    cli.ok("log", "Her", "--year", "2013", "--date", "2024-03-01")
    cli.ok("log", "Jaws", "--date", "2025-01-10")
    cli.ok("delete", "1", "--yes")  # entry 3, of the older film, is now its first time
    export = tmp_path / "diary.csv"
    export.write_text(
        "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n"
        "2020-05-02,Jaws,1975,https://boxd.it/aaaa,4,,,2020-05-01\n"
        "2020-06-02,Her,2013,https://boxd.it/bbbb,4,,,2020-06-01\n",
        encoding="utf-8",
    )
    said = cli.ok("import", "letterboxd", str(export)).stderr
    her = said.index("Entry 2 (Her (2013)) is now a rewatch for Ellen.")
    jaws = said.index("Entry 3 (Jaws (1975)) is now a rewatch for Ellen.")
    assert her < jaws
