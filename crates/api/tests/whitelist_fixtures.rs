//! The whitelist files partners really have (tests/whitelist_cases: made in code, written to
//! tests/fixtures/whitelist/), each read the way the import worker reads it, with its exact
//! outcome per row. `UPDATE_WHITELIST_FIXTURES=1 cargo test -p partner-api --test
//! whitelist_fixtures` writes the files again after a case changes.

mod whitelist_cases;

use partner_api::whitelist::UploadRow;
use partner_api::whitelist_read::{read, ReadOutcome, ReadRequest};
use whitelist_cases::{cases, Row, Want};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/whitelist");

fn gb18030(bytes: &[u8]) -> Result<String, String> {
    Ok(encoding_rs::GB18030.decode(bytes).0.into_owned())
}

/// What the importer makes of a file's bytes, in the cases' terms.
fn outcome(name: &str, bytes: &[u8]) -> Want {
    let req = ReadRequest { name: name.into(), ..Default::default() };
    let (out, chunks) = read(&req, bytes.to_vec(), &gb18030, &mut |_, _| {});
    match out {
        ReadOutcome::Read(s) => {
            let mut rows: Vec<Row> = chunks
                .iter()
                .flat_map(|c| serde_json::from_str::<Vec<UploadRow>>(c).unwrap())
                .map(|r| Row::Up(r.row_no, r.customer_id, r.account_name, r.remark))
                .collect();
            rows.extend(s.problems.into_iter().map(|p| Row::No(p.error.row_no, p.error.kind, p.error.value)));
            rows.sort_by_key(|r| match r {
                Row::Up(n, ..) | Row::No(n, ..) => *n,
            });
            Want::Rows { at: (s.found.sheet, s.found.header_row), rows }
        }
        ReadOutcome::Problem { problem, .. } => Want::File(problem),
        ReadOutcome::Unreadable(e) => Want::Unreadable(e),
    }
}

#[test]
fn every_file_gives_its_exact_outcome() {
    let mut failed = Vec::new();
    for case in cases() {
        let got = outcome(case.name, &case.bytes);
        if got != case.want {
            failed.push(format!("{}:\n  want {:?}\n  got  {:?}", case.name, case.want, got));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn the_fixture_files_are_what_the_cases_make() {
    let update = std::env::var_os("UPDATE_WHITELIST_FIXTURES").is_some();
    for case in cases() {
        let path = format!("{DIR}/{}", case.name);
        if update {
            std::fs::write(&path, &case.bytes).unwrap();
            continue;
        }
        let on_disk =
            std::fs::read(&path).unwrap_or_else(|_| panic!("{path} is missing: run with UPDATE_WHITELIST_FIXTURES=1"));
        assert!(on_disk == case.bytes, "{path} differs from its case: run with UPDATE_WHITELIST_FIXTURES=1");
    }
}

/// A workbook written by openpyxl (kept for that writer's ways: merged cells, a formula
/// without a cached value, several sheets), read like any other.
#[test]
fn a_foreign_workbook_with_several_sheets() {
    use partner_api::whitelist::RowProblem::*;
    let bytes = std::fs::read(format!("{DIR}/multi-sheet-merged.xlsx")).unwrap();
    let no = |n, k, v: &str| Row::No(n, k, Some(v.to_string()));
    assert_eq!(
        outcome("multi-sheet-merged.xlsx", &bytes),
        Want::Rows {
            at: (0, 0),
            rows: vec![
                no(2, IdNotHex, "-"),
                no(3, IdNotHex, "-"),
                no(4, StoredAsNumber, "1234567890123"),
                no(5, Formula, "=CONCAT(\"c-\",\"009\")"),
            ]
        }
    );
    assert_eq!(partner_api::sheet::sheet_names(&bytes).unwrap(), vec!["白名单", "说明", "Sheet3"]);
    let third = partner_api::sheet::read_xlsx_sheet(&bytes, 2).unwrap();
    assert_eq!(third, vec![vec!["Customer ID"], vec!["c-999"]]);
    assert_eq!(partner_api::sheet::read_xlsx_sheet(&bytes, 1).unwrap(), vec![vec!["请勿修改"]]);
    assert_eq!(partner_api::sheet::read_xlsx_sheet(&bytes, 3), Err(partner_api::sheet::SheetError::NoSheet));
}
