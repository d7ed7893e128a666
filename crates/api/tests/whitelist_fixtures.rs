//! Awkward and bad whitelist files (tests/fixtures/whitelist/, made by make_fixtures.py), each
//! with its expected outcome per row: which rows go to the server, which are refused and why,
//! or which problem stops the whole file.

use partner_api::sheet::{read_csv, read_xlsx, SheetError};
use partner_api::whitelist_file::{parse, FileProblem, ParsedFile};

/// What the app does with a file's bytes: XLSX by signature, otherwise UTF-8 text, or GB18030
/// (Chinese Excel's CSV) when the bytes are not UTF-8.
fn read(name: &str) -> Result<Result<ParsedFile, FileProblem>, SheetError> {
    let bytes = std::fs::read(format!("{}/tests/fixtures/whitelist/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let rows = if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(&bytes)?
    } else {
        let text = match std::str::from_utf8(&bytes) {
            Ok(t) => t.to_string(),
            Err(_) => encoding_rs::GB18030.decode(&bytes).0.into_owned(),
        };
        read_csv(&text)?
    };
    Ok(parse(&rows))
}

fn ok(name: &str) -> ParsedFile {
    read(name).unwrap_or_else(|e| panic!("{name}: {e}")).unwrap_or_else(|p| panic!("{name}: {p:?}"))
}

/// (row_no, customer id, account name, remark) of a row to upload.
type Row<'a> = (u32, Option<&'a str>, Option<&'a str>, Option<&'a str>);

fn rows(p: &ParsedFile) -> Vec<Row<'_>> {
    p.rows
        .iter()
        .map(|r| (r.row_no, r.customer_id.as_deref(), r.account_name.as_deref(), r.remark.as_deref()))
        .collect()
}

/// (row_no, code, start of the message) of the refused rows.
fn refused(p: &ParsedFile) -> Vec<(u32, &str, &str)> {
    p.errors.iter().map(|e| (e.row_no, e.error_code.as_str(), e.error_msg.as_str())).collect()
}

#[test]
fn gbk_csv_from_chinese_excel() {
    let p = ok("gbk.csv");
    assert_eq!(rows(&p), vec![(2, Some("c-001"), None, Some("华东大客户")), (3, None, Some("北方账号"), None)]);
    assert!(p.errors.is_empty());
}

#[test]
fn utf8_with_bom_and_english_headers() {
    let p = ok("bom.csv");
    assert_eq!(rows(&p), vec![(2, Some("c-001"), None, Some("vip")), (3, Some("c-002"), None, None)]);
}

#[test]
fn crlf_with_a_quoted_line_break() {
    let p = ok("crlf.csv");
    assert_eq!(
        rows(&p),
        vec![(2, Some("c-001"), None, Some("two\r\nlines, one cell")), (3, Some("c-002"), None, Some("x"))]
    );
}

#[test]
fn semicolon_separated() {
    let p = ok("semicolons.csv");
    assert_eq!(rows(&p), vec![(2, None, Some("acme"), Some("a;b")), (3, None, Some("beta"), None)]);
}

#[test]
fn tab_separated_with_chinese_headers() {
    let p = ok("tabs.csv");
    assert_eq!(rows(&p), vec![(2, None, Some("acme"), Some("重点")), (3, None, Some("beta"), None)]);
}

#[test]
fn duplicates_name_the_first_row() {
    let p = ok("duplicates.csv");
    assert_eq!(rows(&p).iter().map(|r| r.0).collect::<Vec<_>>(), vec![2, 3, 5]);
    assert_eq!(
        refused(&p),
        vec![(4, "CBC.50000061", "duplicate of an earlier row"), (6, "CBC.50000061", "duplicate of an earlier row")]
    );
    assert_eq!((p.errors[0].value.as_deref(), p.errors[1].value.as_deref()), (Some("2"), Some("5")));
}

#[test]
fn blank_rows_are_skipped_and_counted() {
    let p = ok("blank-rows.csv");
    assert_eq!(rows(&p), vec![(2, Some("c-001"), None, None), (6, Some("c-002"), None, None)]);
    assert_eq!(p.blank_rows, 3, "the trailing blank lines are not rows at all");
    assert!(p.errors.is_empty());
}

#[test]
fn formula_cells_are_read_as_their_text() {
    let p = ok("formula.csv");
    assert_eq!(
        rows(&p),
        vec![
            (2, Some("=1+2"), None, None),
            (3, Some("=HYPERLINK(\"http://x\",\"y\")"), None, None),
            (4, Some("c-003"), None, Some("@SUM(A1)"))
        ]
    );
}

#[test]
fn wrong_headers_stop_the_file_and_name_what_was_found() {
    assert_eq!(
        read("wrong-headers.csv").unwrap(),
        Err(FileProblem::NoKnownColumns { found: vec!["name".into(), "phone".into()] })
    );
}

#[test]
fn missing_cells_and_a_row_without_a_key() {
    let p = ok("missing-columns.csv");
    assert_eq!(rows(&p), vec![(2, Some("c-001"), None, None), (4, None, Some("acme"), None)]);
    assert_eq!(refused(&p), vec![(3, "CBC.0100", "neither customer ID nor account name")]);
}

#[test]
fn huge_fields_are_refused_per_row() {
    let p = ok("huge-field.csv");
    assert_eq!(rows(&p), vec![(4, Some("c-003"), None, Some("ok"))]);
    assert_eq!(
        refused(&p),
        vec![(2, "CBC.0100", "longer than 64 characters"), (3, "CBC.0100", "remark longer than 256 characters")]
    );
    assert_eq!(p.errors[0].value.as_ref().map(|v| v.len()), Some(100_000));
}

#[test]
fn nul_bytes_are_refused_not_kept() {
    let p = ok("nul-bytes.csv");
    assert!(p.rows.is_empty());
    assert_eq!(
        refused(&p),
        vec![
            (2, "CBC.0100", "contains control characters"),
            (3, "CBC.0100", "contains control characters"),
            (4, "CBC.0100", "remark contains control characters")
        ]
    );
    assert_eq!(p.errors[0].value.as_deref(), Some("c-\u{fffd}001"), "shown without the NUL");
}

#[test]
fn unterminated_quote_names_its_line() {
    assert_eq!(read("unterminated-quote.csv").unwrap_err(), SheetError::UnterminatedQuote { line: 2 });
}

#[test]
fn header_only_has_no_rows() {
    let p = ok("header-only.csv");
    assert!(p.rows.is_empty() && p.errors.is_empty());
}

#[test]
fn xlsx_with_several_sheets_merged_cells_numbers_and_a_formula() {
    let p = ok("multi-sheet-merged.xlsx");
    // The first sheet only; the merged remark belongs to its top-left cell; a formula without
    // a cached value is empty, so that row names no customer.
    assert_eq!(
        rows(&p),
        vec![
            (2, Some("c-001"), None, Some("合并备注")),
            (3, Some("c-002"), None, None),
            (4, Some("1234567890123"), None, Some("number id"))
        ]
    );
    assert_eq!(refused(&p), vec![(5, "CBC.0100", "neither customer ID nor account name")]);
}

#[test]
fn xlsx_sheets_by_name_and_index() {
    let bytes =
        std::fs::read(format!("{}/tests/fixtures/whitelist/multi-sheet-merged.xlsx", env!("CARGO_MANIFEST_DIR")))
            .unwrap();
    assert_eq!(partner_api::sheet::sheet_names(&bytes).unwrap(), vec!["白名单", "说明", "Sheet3"]);
    let third = partner_api::sheet::read_xlsx_sheet(&bytes, 2).unwrap();
    assert_eq!(third, vec![vec!["Customer ID"], vec!["c-999"]]);
    assert_eq!(partner_api::sheet::read_xlsx_sheet(&bytes, 1).unwrap(), vec![vec!["请勿修改"]]);
    assert_eq!(partner_api::sheet::read_xlsx_sheet(&bytes, 3), Err(SheetError::NoSheet));
}
