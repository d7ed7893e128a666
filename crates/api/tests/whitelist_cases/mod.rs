//! The whitelist files partners really have, made in code: each case is a file's bytes and its
//! exact expected outcome, per row (uploaded as what, or refused why) or for the whole file.
//! `whitelist_fixtures.rs` writes them to tests/fixtures/whitelist/ (for the e2e tests and for
//! people to open) and checks the importer against each.

use partner_api::sheet::testkit::{inflating_workbook, text, workbook, RawCell, RawSheet};
use partner_api::sheet::SheetError;
use partner_api::whitelist::RowProblem;
use partner_api::whitelist_file::FileProblem;
use partner_api::whitelist_headers::Field;

pub const ID1: &str = "5f0e1c2d3b4a59687766554433221100";
pub const ID2: &str = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6";
pub const ID3: &str = "9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a49";
pub const ID4: &str = "3e7d0b9a1c2f4e6d8b0a2c4e6f8d0b1a";

/// What becomes of one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// Uploaded: row number, customer id (normalised), account name, remark.
    Up(u32, Option<String>, Option<String>, Option<String>),
    /// Refused: row number, why, and the value the reason names.
    No(u32, RowProblem, Option<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Want {
    /// Rows, and the (sheet, header row) the table was found at.
    Rows {
        at: (usize, usize),
        rows: Vec<Row>,
    },
    File(FileProblem),
    Unreadable(SheetError),
}

pub struct Case {
    pub name: &'static str,
    pub bytes: Vec<u8>,
    pub want: Want,
}

fn up(n: u32, id: Option<&str>, name: Option<&str>, remark: Option<&str>) -> Row {
    Row::Up(n, id.map(str::to_string), name.map(str::to_string), remark.map(str::to_string))
}

fn no(n: u32, kind: RowProblem, value: Option<&str>) -> Row {
    Row::No(n, kind, value.map(str::to_string))
}

fn rows(rows: Vec<Row>) -> Want {
    Want::Rows { at: (0, 0), rows }
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
    for u in text.encode_utf16() {
        out.extend(if little { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

fn gbk(text: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(text).0.into_owned()
}

fn sheet(name: &str, rows: Vec<Vec<RawCell>>, merged: &[&str]) -> RawSheet {
    RawSheet { name: name.into(), rows, merged: merged.iter().map(|m| m.to_string()).collect() }
}

fn texts(rows: &[&[&str]]) -> Vec<Vec<RawCell>> {
    rows.iter().map(|r| r.iter().map(|c| if c.is_empty() { RawCell::Empty } else { text(c) }).collect()).collect()
}

fn full_width(s: &str) -> String {
    s.chars().map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)).collect()
}

fn formula(f: &str, cached: &str, error: bool) -> RawCell {
    RawCell::Formula { formula: f.into(), cached: cached.into(), error }
}

/// The malformed IDs, as rows 2.. of a file with the header `客户ID,备注`, and their outcomes.
fn malformed_ids() -> (Vec<[String; 2]>, Vec<Row>) {
    use RowProblem::*;
    let with = |at: usize, c: &str| format!("{}{c}{}", &ID2[..at], &ID2[at..]);
    let lines: Vec<[String; 2]> = vec![
        [ID1.into(), "ok".into()],
        [ID1[..31].into(), "31 characters".into()],
        [format!("{ID2}0"), "33 characters".into()],
        [format!("{}g{}", &ID2[..20], &ID2[21..]), "a g".into()],
        [with(8, " "), "space inside".into()],
        [with(8, "\u{200B}"), "zero-width space".into()],
        [with(8, "\u{202E}"), "bidi override".into()],
        ["shanghai_ruike_tech_0042".into(), "an account name".into()],
        [ID3.to_uppercase(), "upper case".into()],
        [full_width(ID4), "full width".into()],
        [ID3.into(), "same as the upper-case one".into()],
        ["1.23457E+31".into(), "Excel's number".into()],
        ["客户甲".into(), "a company name".into()],
    ];
    let want = vec![
        up(2, Some(ID1), None, Some("ok")),
        no(3, IdLength, Some("31")),
        no(4, IdLength, Some("33")),
        no(5, IdNotHex, Some("g")),
        no(6, IdInvisible, Some("U+0020")),
        no(7, IdInvisible, Some("U+200B")),
        no(8, IdInvisible, Some("U+202E")),
        no(9, IdLooksLikeName, Some("shanghai_ruike_tech_0042")),
        up(10, Some(ID3), None, Some("upper case")),
        up(11, Some(ID4), None, Some("full width")),
        no(12, Duplicate, Some("10")),
        no(13, StoredAsNumber, Some("1.23457E+31")),
        no(14, IdNotHex, Some("客")),
    ];
    (lines, want)
}

pub fn cases() -> Vec<Case> {
    use RowProblem::*;
    let mut c: Vec<Case> = Vec::new();
    let mut add = |name: &'static str, bytes: Vec<u8>, want: Want| c.push(Case { name, bytes, want });

    // What people's own tools save.
    add(
        "gbk.csv",
        gbk(&format!("客户ID,账号名,备注\r\n{ID1},,华东大客户\r\n,北方账号,\r\n")),
        rows(vec![up(2, Some(ID1), None, Some("华东大客户")), up(3, None, Some("北方账号"), None)]),
    );
    add(
        "bom.csv",
        format!("\u{feff}Customer ID,Account name,Remark\n{ID1},,vip\n{ID2},,\n").into_bytes(),
        rows(vec![up(2, Some(ID1), None, Some("vip")), up(3, Some(ID2), None, None)]),
    );
    add(
        "crlf.csv",
        format!("Customer ID,Remark\r\n{ID1},\"two\r\nlines, one cell\"\r\n{ID2},x\r\n").into_bytes(),
        rows(vec![up(2, Some(ID1), None, Some("two\r\nlines, one cell")), up(3, Some(ID2), None, Some("x"))]),
    );
    add(
        "semicolons.csv",
        b"Account name;Remark\nacme;\"a;b\"\nbeta;\n".to_vec(),
        rows(vec![up(2, None, Some("acme"), Some("a;b")), up(3, None, Some("beta"), None)]),
    );
    add(
        "tabs.csv",
        "账号名\t备注\nacme\t重点\nbeta\t\n".as_bytes().to_vec(),
        rows(vec![up(2, None, Some("acme"), Some("重点")), up(3, None, Some("beta"), None)]),
    );
    add(
        "duplicates.csv",
        format!("Customer ID,Account name\n{ID1},\n{ID2},\n{ID1},\n,Acme\n,acme\n{},\n", ID2.to_uppercase())
            .into_bytes(),
        rows(vec![
            up(2, Some(ID1), None, None),
            up(3, Some(ID2), None, None),
            no(4, Duplicate, Some("2")),
            up(5, None, Some("Acme"), None),
            no(6, Duplicate, Some("5")),
            no(7, Duplicate, Some("3")),
        ]),
    );
    add(
        "blank-rows.csv",
        format!("Customer ID\n{ID1}\n\n,\n   \n{ID2}\n\n\n").into_bytes(),
        rows(vec![up(2, Some(ID1), None, None), up(6, Some(ID2), None, None)]),
    );
    add(
        "formula.csv",
        format!("Customer ID,Remark\n=1+2,\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\n{ID3},@SUM(A1)\n")
            .into_bytes(),
        rows(vec![no(2, IdNotHex, Some("=")), no(3, IdNotHex, Some("=")), up(4, Some(ID3), None, Some("@SUM(A1)"))]),
    );
    add(
        "wrong-headers.csv",
        b"name,phone\nacme,123\n".to_vec(),
        Want::File(FileProblem::NoKnownColumns { found: vec!["name".into(), "phone".into()] }),
    );
    add(
        "missing-columns.csv",
        format!("Customer ID,Account name,Remark\n{ID1}\n,,only a remark\n,acme\n").into_bytes(),
        rows(vec![up(2, Some(ID1), None, None), no(3, NoKey, None), up(4, None, Some("acme"), None)]),
    );
    let huge = "x".repeat(100_000);
    add(
        "huge-field.csv",
        format!("Customer ID,Remark\n{huge},\n{ID2},{}\n{ID3},ok\n", "r".repeat(300)).into_bytes(),
        rows(vec![
            no(2, TooLong, Some(&huge)),
            no(3, RemarkTooLong, Some(&"r".repeat(300))),
            up(4, Some(ID3), None, Some("ok")),
        ]),
    );
    add(
        "nul-bytes.csv",
        format!("Customer ID,Remark\n{}\0{},\n\0,\0\n{ID3},a\0b\n", &ID1[..4], &ID1[4..]).into_bytes(),
        rows(vec![
            no(2, IdInvisible, Some("U+0000")),
            no(3, IdInvisible, Some("U+0000")),
            no(4, ControlChars, Some("a\u{fffd}b")),
        ]),
    );
    add(
        "unterminated-quote.csv",
        format!("Customer ID,Remark\n{ID1},\"never ends\n{ID2},x\n").into_bytes(),
        Want::Unreadable(SheetError::UnterminatedQuote { line: 2 }),
    );
    add("header-only.csv", b"Customer ID,Account name,Remark\r\n".to_vec(), Want::File(FileProblem::Empty));

    // Headers: the console's own labels and the usual variants.
    let console = format!("客户账号ID,客户账号名,备注\n{ID1},,a\n,shanghai_ruike_0042,b\n");
    let console_rows = vec![up(2, Some(ID1), None, Some("a")), up(3, None, Some("shanghai_ruike_0042"), Some("b"))];
    add("console-headers.csv", console.into_bytes(), rows(console_rows.clone()));
    add(
        "console-headers.xlsx",
        workbook(&[sheet(
            "Sheet1",
            texts(&[&["客户账号ID", "客户账号名", "备注"], &[ID1, "", "a"], &["", "shanghai_ruike_0042", "b"]]),
            &[],
        )]),
        rows(console_rows),
    );
    add(
        "english-headers.csv",
        format!("Customer account ID,Customer account name,Remarks\n{ID1},,a\n").into_bytes(),
        rows(vec![up(2, Some(ID1), None, Some("a"))]),
    );
    add(
        "header-variants.csv",
        format!("客户ＩＤ（必填）,* 账号名称,备注 (选填)\n{ID1},,x\n,acme,\n").into_bytes(),
        rows(vec![up(2, Some(ID1), None, Some("x")), up(3, None, Some("acme"), None)]),
    );

    // Where the table starts.
    add(
        "title-row.csv",
        format!("2026年第四季度客户白名单,,\n客户ID,账号名,备注\n{ID1},,x\n{ID2},,y\n").into_bytes(),
        Want::Rows { at: (0, 1), rows: vec![up(3, Some(ID1), None, Some("x")), up(4, Some(ID2), None, Some("y"))] },
    );
    add(
        "title-row-merged.xlsx",
        workbook(&[sheet(
            "白名单",
            texts(&[
                &["华东区客户白名单（请勿修改表头）", "", ""],
                &["客户ID", "账号名", "备注"],
                &[ID1, "", "x"],
                &["", "beta_acct", ""],
            ]),
            &["A1:C1"],
        )]),
        Want::Rows { at: (0, 1), rows: vec![up(3, Some(ID1), None, Some("x")), up(4, None, Some("beta_acct"), None)] },
    );
    add(
        "instructions-first.xlsx",
        workbook(&[
            sheet(
                "填写说明",
                texts(&[&["填写说明"], &["1. 在“客户名单”工作表中每行填写一个客户"], &["2. 客户ID 为 32 位"]]),
                &[],
            ),
            sheet("客户名单", texts(&[&["客户账号ID", "备注"], &[ID1, "甲"], &[ID2, "乙"]]), &[]),
        ]),
        Want::Rows { at: (1, 0), rows: vec![up(2, Some(ID1), None, Some("甲")), up(3, Some(ID2), None, Some("乙"))] },
    );

    // Encodings.
    add(
        "utf16le-tabs.csv",
        utf16(&format!("客户ID\t账号名\t备注\r\n{ID1}\t\t华东\r\n\tbeta_acct\t\r\n"), true),
        rows(vec![up(2, Some(ID1), None, Some("华东")), up(3, None, Some("beta_acct"), None)]),
    );
    add(
        "utf16be.csv",
        utf16(&format!("Customer ID,Remark\n{ID2},x\n"), false),
        rows(vec![up(2, Some(ID2), None, Some("x"))]),
    );
    let mut mixed = format!("客户ID,账号名,备注\n{ID1},,华东大客户\n,上海账号,\n").into_bytes();
    mixed.extend(gbk(",北京账号,华北\n"));
    mixed.extend(format!("{ID2},,深圳\n").into_bytes());
    add(
        "mixed-utf8-gbk.csv",
        mixed,
        rows(vec![
            up(2, Some(ID1), None, Some("华东大客户")),
            up(3, None, Some("上海账号"), None),
            no(4, BadEncoding, None),
            up(5, Some(ID2), None, Some("深圳")),
        ]),
    );
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..600u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8));
    add("binary-renamed.csv", png, Want::Unreadable(SheetError::NotText));
    let mut xls = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    xls.extend([0u8; 504]);
    add("old-excel-renamed.csv", xls, Want::Unreadable(SheetError::OldExcel));

    // Customer IDs.
    let (lines, want) = malformed_ids();
    let mut csv = String::from("客户ID,备注\n");
    for [id, remark] in &lines {
        csv.push_str(&format!("{id},{remark}\n"));
    }
    add("malformed-ids.csv", csv.into_bytes(), rows(want.clone()));
    let mut sheet_rows = vec![vec![text("客户ID"), text("备注")]];
    sheet_rows.extend(lines.iter().map(|[id, remark]| vec![text(id), text(remark)]));
    sheet_rows.push(vec![RawCell::Number("1.2345678901234568E+31".into()), text("a number cell")]);
    let mut want_x = want;
    want_x.push(no(15, StoredAsNumber, Some("1.2345678901234568E+31")));
    add("malformed-ids.xlsx", workbook(&[sheet("白名单", sheet_rows, &[])]), rows(want_x));

    // Excel cells that are not text.
    add(
        "excel-cells.xlsx",
        workbook(&[sheet(
            "白名单",
            vec![
                vec![text("客户ID"), text("账号名"), text("备注")],
                vec![RawCell::Number("1.2345678901234568E+31".into()), RawCell::Empty, text("number id")],
                vec![RawCell::Empty, formula("VLOOKUP(A3,客户!A:B,2,0)", "#N/A", true), text("lookup failed")],
                vec![RawCell::Empty, formula("CONCAT(\"acme\",\"_two\")", "acme_two", false), text("formula")],
                vec![RawCell::Empty, RawCell::Error("#REF!".into()), text("error value")],
                vec![text(ID1), RawCell::Empty, RawCell::Date(46000.0)],
                vec![RawCell::Empty, RawCell::Bool(true), text("boolean")],
                vec![text(ID2), RawCell::Empty, RawCell::Number("42".into())],
            ],
            &[],
        )]),
        rows(vec![
            no(2, StoredAsNumber, Some("1.2345678901234568E+31")),
            no(3, Formula, Some("=VLOOKUP(A3,客户!A:B,2,0)")),
            no(4, Formula, Some("=CONCAT(\"acme\",\"_two\")")),
            no(5, CellError, Some("#REF!")),
            no(6, DateCell, Some("46000")),
            no(7, BoolCell, Some("TRUE")),
            up(8, Some(ID2), None, Some("42")),
        ]),
    );

    // Rows that would lose data silently.
    add(
        "extra-fields.csv",
        format!("客户ID,账号名,备注\n{ID1},acme_two,x,extra-value\n{ID2},,ok\n").into_bytes(),
        rows(vec![no(2, ExtraFields, Some("extra-value")), up(3, Some(ID2), None, Some("ok"))]),
    );
    add(
        "stray-quotes.csv",
        format!("客户ID,账号名,备注\n{ID1},acme\"s,x\n{ID2},\"quoted\"tail,y\n{ID3},,ok\n").into_bytes(),
        rows(vec![no(2, BadQuotes, None), no(3, BadQuotes, None), up(4, Some(ID3), None, Some("ok"))]),
    );
    add(
        "duplicate-header.csv",
        format!("客户ID,账号名,客户ID\n{ID1},,{ID2}\n").into_bytes(),
        Want::File(FileProblem::DuplicateColumn { field: Field::CustomerId, columns: vec!["A".into(), "C".into()] }),
    );
    add(
        "duplicate-header.xlsx",
        workbook(&[sheet("Sheet1", texts(&[&["客户ID", "账号名", "客户ID"], &[ID1, "", ID2]]), &[])]),
        Want::File(FileProblem::DuplicateColumn { field: Field::CustomerId, columns: vec!["A".into(), "C".into()] }),
    );
    add(
        "control-chars.xlsx",
        workbook(&[sheet(
            "Sheet1",
            texts(&[&["账号名", "备注"], &["ev\u{202E}il_name", ""], &["ok_name", "line one\nline two"]]),
            &[],
        )]),
        rows(vec![
            no(2, ControlChars, Some("ev\u{fffd}il_name")),
            up(3, None, Some("ok_name"), Some("line one\nline two")),
        ]),
    );
    add(
        "control-chars.csv",
        "账号名,备注\nev\u{202E}il_name,\nzero\u{200B}width,\nok_name,a\u{2066}b\u{2069}\nfine_name,\u{1F468}\u{200D}\u{1F4BB}\n"
            .as_bytes()
            .to_vec(),
        rows(vec![
            no(2, ControlChars, Some("ev\u{fffd}il_name")),
            no(3, ControlChars, Some("zero\u{fffd}width")),
            no(4, ControlChars, Some("a\u{fffd}b\u{fffd}")),
            up(5, None, Some("fine_name"), Some("\u{1F468}\u{200D}\u{1F4BB}")),
        ]),
    );

    // Workbooks that cannot be read.
    add(
        "zip-bomb.xlsx",
        inflating_workbook(65 * 1024 * 1024),
        Want::Unreadable(SheetError::TooLargeUnpacked("xl/worksheets/sheet1.xml".into())),
    );
    add(
        "not-a-workbook.xlsx",
        {
            let mut w = workbook(&[]);
            // A ZIP without a workbook part (a .docx renamed, say).
            let at = w.windows(15).position(|x| x == b"xl/workbook.xml").unwrap_or(0);
            w[at..at + 2].copy_from_slice(b"zz");
            let cd = w.windows(15).rposition(|x| x == b"xl/workbook.xml").unwrap_or(0);
            w[cd..cd + 2].copy_from_slice(b"zz");
            w
        },
        Want::Unreadable(SheetError::NotXlsx),
    );
    c
}
