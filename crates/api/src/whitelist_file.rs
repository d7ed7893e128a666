//! Reading a whitelist file in the browser, before anything is sent: find the columns by their
//! zh-CN or en header, turn rows into [`UploadRow`]s, and report per-row problems with the
//! row number people see in their spreadsheet (the header is row 1). Also the templates.

use crate::sheet::{Cell, Rows};
use crate::whitelist::{codes, RowError, RowProblem, UploadRow, MAX_FILE_BYTES, MAX_FILE_ROWS};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Column headers in both languages: (zh-CN, en).
pub const HEADER_CUSTOMER_ID: (&str, &str) = ("客户ID", "Customer ID");
pub const HEADER_ACCOUNT_NAME: (&str, &str) = ("账号名", "Account name");
pub const HEADER_REMARK: (&str, &str) = ("备注", "Remark");
const MAX_FIELD: usize = 64;
const MAX_REMARK: usize = 256;

/// Why the file as a whole cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileProblem {
    Empty,
    /// Neither a customer-id nor an account-name column was found in the first row.
    NoKnownColumns {
        found: Vec<String>,
    },
    TooManyRows {
        rows: usize,
        max: usize,
    },
    /// Larger than [`MAX_FILE_BYTES`]: refused before reading a byte of it.
    TooLarge {
        bytes: u64,
        max: u64,
    },
}

/// The size check made before a file is read at all.
pub fn check_size(bytes: u64) -> Result<(), FileProblem> {
    if bytes > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge { bytes, max: MAX_FILE_BYTES });
    }
    Ok(())
}

/// The rows to upload and the rows that cannot be.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedFile {
    pub rows: Vec<UploadRow>,
    pub errors: Vec<RowError>,
    /// Rows with nothing in them, skipped (not counted as rows or problems).
    pub blank_rows: u32,
}

/// Control characters (NUL and the like) cannot be part of an id, a name or a remark; line
/// breaks and tabs inside a remark can.
fn has_control(v: &str, in_remark: bool) -> bool {
    v.chars().any(|c| c.is_control() && !(in_remark && matches!(c, '\n' | '\r' | '\t')))
}

fn normalise(h: &str) -> String {
    h.trim().trim_start_matches('\u{feff}').to_lowercase().replace([' ', '_', '-'], "")
}

fn column(header: &[String], names: (&str, &str), extra: &[&str]) -> Option<usize> {
    let wanted: Vec<String> = [names.0, names.1].iter().chain(extra).map(|n| normalise(n)).collect();
    header.iter().position(|h| wanted.contains(&normalise(h)))
}

/// Which column (0-based) holds what; found from the headers or chosen by the person.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    pub customer_id: Option<usize>,
    pub account_name: Option<usize>,
    pub remark: Option<usize>,
}

impl Mapping {
    pub fn is_usable(&self) -> bool {
        self.customer_id.is_some() || self.account_name.is_some()
    }
}

/// The columns recognised by their zh-CN or en header.
pub fn detect(header: &[String]) -> Mapping {
    Mapping {
        customer_id: column(header, HEADER_CUSTOMER_ID, &["customer_id", "客户id", "id"]),
        account_name: column(header, HEADER_ACCOUNT_NAME, &["account_name", "账号", "登录名"]),
        remark: column(header, HEADER_REMARK, &["remark", "memo"]),
    }
}

/// Reads the rows of a CSV or XLSX file (already decoded into cells).
pub fn parse(rows: &Rows) -> Result<ParsedFile, FileProblem> {
    parse_with(rows, None, &mut |_, _| {})
}

/// Rows validated per progress report.
pub const PROGRESS_EVERY: usize = 5_000;

/// [`parse`] with the columns chosen by the person (`None`: from the headers), reporting
/// (rows checked, rows) every [`PROGRESS_EVERY`] rows.
pub fn parse_with<R: AsRef<[S]>, S: AsRef<str>>(
    rows: &[R],
    mapping: Option<Mapping>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ParsedFile, FileProblem> {
    let mut parsed = ParsedFile::default();
    let (errors, blank_rows) = check_rows(rows, mapping, progress, &mut |r| parsed.rows.push(r.to_owned()))?;
    parsed.errors = errors;
    parsed.blank_rows = blank_rows;
    Ok(parsed)
}

/// A valid row borrowing its (trimmed) cells from the file; serialises like [`UploadRow`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RowRef<'a> {
    pub row_no: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remark: Option<&'a str>,
}

impl RowRef<'_> {
    pub fn to_owned(self) -> UploadRow {
        let own = |v: Option<&str>| v.map(str::to_string);
        UploadRow {
            row_no: self.row_no,
            customer_id: own(self.customer_id),
            account_name: own(self.account_name),
            remark: own(self.remark),
        }
    }
}

/// The checks themselves, on borrowed cells: each valid row goes to `valid` (nothing is
/// copied for it); returns the refused rows and the count of blank rows.
pub fn check_rows<'r, R: AsRef<[S]>, S: AsRef<str> + 'r>(
    rows: &'r [R],
    mapping: Option<Mapping>,
    progress: &mut dyn FnMut(usize, usize),
    valid: &mut dyn FnMut(RowRef<'r>),
) -> Result<(Vec<RowError>, u32), FileProblem> {
    let Some(header) = rows.first() else { return Err(FileProblem::Empty) };
    let header: Vec<String> = header.as_ref().iter().map(|h| h.as_ref().to_string()).collect();
    let m = mapping.filter(Mapping::is_usable).unwrap_or_else(|| detect(&header));
    let (id_col, name_col, remark_col) = (m.customer_id, m.account_name, m.remark);
    if id_col.is_none() && name_col.is_none() {
        return Err(FileProblem::NoKnownColumns {
            found: header.into_iter().filter(|h| !h.trim().is_empty()).collect(),
        });
    }
    let data = &rows[1..];
    let is_blank = |r: &R| r.as_ref().iter().all(|c| c.as_ref().trim().is_empty());
    let non_blank = data.iter().filter(|r| !is_blank(r)).count();
    if non_blank > MAX_FILE_ROWS {
        return Err(FileProblem::TooManyRows { rows: non_blank, max: MAX_FILE_ROWS });
    }

    let cell = |row: &'r R, col: Option<usize>| -> Option<&'r str> {
        col.and_then(|c| row.as_ref().get(c)).map(|v| v.as_ref().trim()).filter(|v| !v.is_empty())
    };
    // Longer than `max` characters (bytes bound characters from above: count only if needed).
    let too_long = |v: &str, max: usize| v.len() > max && v.chars().count() > max;
    let (mut errors, mut blank_rows) = (Vec::new(), 0u32);
    // The same customer twice, by the key that identifies it: the id, else the lower-cased name.
    let mut seen: std::collections::HashMap<(bool, Cow<'r, str>), u32> =
        std::collections::HashMap::with_capacity(data.len());
    for (i, row) in data.iter().enumerate() {
        if i % PROGRESS_EVERY == 0 {
            progress(i, data.len());
        }
        let row_no = i as u32 + 2;
        if is_blank(row) {
            blank_rows += 1;
            continue;
        }
        let (id, name, remark) = (cell(row, id_col), cell(row, name_col), cell(row, remark_col));
        let problem = |kind: RowProblem, code: &str, msg: &str, value: Option<String>| RowError {
            row_no,
            error_code: code.to_string(),
            error_msg: msg.to_string(),
            value,
            kind,
        };
        if id.is_none() && name.is_none() {
            errors.push(problem(RowProblem::NoKey, codes::PARAM_ERROR, "neither customer ID nor account name", None));
            continue;
        }
        if let Some(v) = id.iter().chain(name.iter()).find(|v| too_long(v, MAX_FIELD)) {
            errors.push(problem(
                RowProblem::TooLong,
                codes::PARAM_ERROR,
                "longer than 64 characters",
                Some(v.to_string()),
            ));
            continue;
        }
        if let Some(v) = id.iter().chain(name.iter()).find(|v| has_control(v, false)) {
            let shown = Some(v.replace(|c: char| c.is_control(), "\u{fffd}"));
            errors.push(problem(RowProblem::ControlChars, codes::PARAM_ERROR, "contains control characters", shown));
            continue;
        }
        if let Some(r) = remark.filter(|r| has_control(r, true)) {
            let shown = Some(r.replace(|c: char| c.is_control(), "\u{fffd}"));
            errors.push(problem(
                RowProblem::ControlChars,
                codes::PARAM_ERROR,
                "remark contains control characters",
                shown,
            ));
            continue;
        }
        if let Some(r) = remark.filter(|r| too_long(r, MAX_REMARK)) {
            errors.push(problem(
                RowProblem::RemarkTooLong,
                codes::PARAM_ERROR,
                "remark longer than 256 characters",
                Some(r.into()),
            ));
            continue;
        }
        let key = match (id, name) {
            (Some(id), _) => (true, Cow::Borrowed(id)),
            (None, Some(n)) if n.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) => (false, Cow::Borrowed(n)),
            (None, Some(n)) => (false, Cow::Owned(n.to_lowercase())),
            _ => unreachable!("checked above"),
        };
        match seen.entry(key) {
            std::collections::hash_map::Entry::Occupied(first) => {
                errors.push(problem(
                    RowProblem::Duplicate,
                    codes::DUPLICATE_ROW,
                    "duplicate of an earlier row",
                    Some(first.get().to_string()),
                ));
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(row_no);
                valid(RowRef { row_no, customer_id: id, account_name: name, remark });
            }
        }
    }
    progress(data.len(), data.len());
    Ok((errors, blank_rows))
}

/// A refused row for the rejected-rows download: its cells, the reason in the reader's
/// language and the error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub row: UploadRow,
    pub reason: String,
    pub code: String,
}

/// The rejected rows as CSV (BOM, CRLF): row number, the template's three columns, then the
/// reason and the code. Formula-like cells are neutralised (`crate::csv`), since the rows came
/// from an outside file and are opened in a spreadsheet again.
pub fn rejected_csv(zh: bool, rows: &[Rejected]) -> String {
    let pick = |h: (&'static str, &'static str)| if zh { h.0 } else { h.1 };
    let header = [
        pick(("行号", "Row")),
        pick(HEADER_CUSTOMER_ID),
        pick(HEADER_ACCOUNT_NAME),
        pick(HEADER_REMARK),
        pick(("原因", "Reason")),
        pick(("错误码", "Error code")),
    ];
    let records = rows.iter().map(|r| {
        let cell = |v: &Option<String>| v.clone().unwrap_or_default();
        [
            r.row.row_no.to_string(),
            cell(&r.row.customer_id),
            cell(&r.row.account_name),
            cell(&r.row.remark),
            r.reason.clone(),
            r.code.clone(),
        ]
    });
    crate::csv::to_csv(header.map(String::from), records)
}

/// The template: a header in the chosen language and one example row.
pub fn template(zh: bool) -> Vec<Vec<Cell>> {
    let pick = |h: (&str, &str)| Cell::Text(if zh { h.0 } else { h.1 }.to_string());
    vec![
        vec![pick(HEADER_CUSTOMER_ID), pick(HEADER_ACCOUNT_NAME), pick(HEADER_REMARK)],
        vec![
            Cell::Text("0a1b2c3d4e5f60718293a4b5c6d7e8f9".into()),
            Cell::Text("example_account".into()),
            Cell::Text(
                if zh {
                    "示例:填写客户ID或账号名之一即可"
                } else {
                    "Example: a customer ID or an account name is enough"
                }
                .into(),
            ),
        ],
    ]
}

/// The template as CSV text (with BOM, for Excel).
pub fn template_csv(zh: bool) -> String {
    let rows: Vec<Vec<String>> =
        template(zh).into_iter().map(|r| r.into_iter().map(Cell::into_text).collect()).collect();
    let mut out = String::from(crate::csv::BOM);
    for r in rows {
        let fields: Vec<String> = r.iter().map(|f| crate::csv::field(f).into_owned()).collect();
        out.push_str(&fields.join(","));
        out.push_str(crate::csv::CRLF);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::{read_csv, read_xlsx, write_xlsx};

    fn rows(text: &str) -> Rows {
        read_csv(text).unwrap()
    }

    #[test]
    fn headers_in_either_language_and_row_numbers() {
        let p = parse(&rows("Account Name,Customer ID,Remark\nacme,,vip\n,c2,\n\nbeta,c3,x\n")).unwrap();
        assert_eq!(p.errors, vec![]);
        assert_eq!(p.rows.len(), 3);
        assert_eq!((p.rows[0].row_no, p.rows[0].account_name.as_deref()), (2, Some("acme")));
        assert_eq!((p.rows[1].row_no, p.rows[1].customer_id.as_deref()), (3, Some("c2")));
        assert_eq!(p.rows[2].row_no, 5, "blank lines keep the spreadsheet's numbering");
        let p = parse(&rows("客户ID,备注\nc1,重点\n")).unwrap();
        assert_eq!(p.rows[0].remark.as_deref(), Some("重点"));
    }

    #[test]
    fn per_row_problems() {
        let long = "x".repeat(65);
        let p = parse(&rows(&format!("客户ID,账号名\n,\nc1,a\n{long},\nc1,b\n,A\n,a\n"))).unwrap();
        // Row 2 is blank (skipped); row 3 ok; 4 too long; 5 duplicate id of row 3; 6 ok (name A);
        // 7 duplicate name of row 6 (case-insensitive).
        let found: Vec<(u32, &str, Option<&str>)> =
            p.errors.iter().map(|e| (e.row_no, e.error_code.as_str(), e.value.as_deref())).collect();
        assert_eq!(
            found,
            vec![
                (4, codes::PARAM_ERROR, Some(long.as_str())),
                (5, codes::DUPLICATE_ROW, Some("3")),
                (7, codes::DUPLICATE_ROW, Some("6")),
            ]
        );
        assert_eq!(p.rows.iter().map(|r| r.row_no).collect::<Vec<_>>(), vec![3, 6]);
        let p = parse(&rows("客户ID,账号名,备注\n,,only a remark\n")).unwrap();
        assert_eq!(p.errors[0].row_no, 2);
    }

    #[test]
    fn chosen_columns_win_over_headers_and_progress_is_reported() {
        let r = rows("名称,编号,说明\nacme,c1,x\nbeta,c2,\n");
        assert!(matches!(parse(&r), Err(FileProblem::NoKnownColumns { .. })));
        let m = Mapping { customer_id: Some(1), account_name: None, remark: Some(2) };
        let mut seen = Vec::new();
        let p = parse_with(&r, Some(m), &mut |done, total| seen.push((done, total))).unwrap();
        assert_eq!(p.rows[0].customer_id.as_deref(), Some("c1"));
        assert_eq!(p.rows[0].remark.as_deref(), Some("x"));
        assert_eq!(seen, vec![(0, 2), (2, 2)]);
        // A mapping without a key column falls back to the headers.
        assert!(parse_with(&r, Some(Mapping::default()), &mut |_, _| {}).is_err());
        assert_eq!(
            detect(&["Remark".into(), "客户ID".into()]),
            Mapping { customer_id: Some(1), account_name: None, remark: Some(0) }
        );
    }

    #[test]
    fn file_level_problems() {
        assert_eq!(parse(&vec![]), Err(FileProblem::Empty));
        assert_eq!(
            parse(&rows("name,phone\nx,1")),
            Err(FileProblem::NoKnownColumns { found: vec!["name".into(), "phone".into()] })
        );
        let big = format!("客户ID\n{}", (0..200_001).map(|i| format!("c{i}\n")).collect::<String>());
        assert_eq!(parse(&rows(&big)), Err(FileProblem::TooManyRows { rows: 200_001, max: 200_000 }));
        let most = format!("客户ID\n{}", (0..200_000).map(|i| format!("c{i}\n")).collect::<String>());
        assert_eq!(parse(&rows(&most)).unwrap().rows.len(), 200_000);
    }

    #[test]
    fn files_over_20_mb_are_refused_before_reading() {
        assert_eq!(check_size(20 * 1024 * 1024), Ok(()));
        assert_eq!(
            check_size(20 * 1024 * 1024 + 1),
            Err(FileProblem::TooLarge { bytes: 20 * 1024 * 1024 + 1, max: 20 * 1024 * 1024 })
        );
    }

    #[test]
    fn rejected_rows_csv_has_a_reason_column_and_neutralises_formulas() {
        let row = |n, id: &str| UploadRow { row_no: n, customer_id: Some(id.into()), ..Default::default() };
        let rows = vec![
            Rejected {
                row: row(3, "=HYPERLINK(\"http://x\")"),
                reason: "客户不存在".into(),
                code: codes::CUSTOMER_MISSING.into(),
            },
            Rejected {
                row: UploadRow {
                    row_no: 5,
                    account_name: Some("a,b".into()),
                    remark: Some("@SUM(A1)".into()),
                    ..Default::default()
                },
                reason: "与第 2 行重复".into(),
                code: codes::DUPLICATE_ROW.into(),
            },
        ];
        let csv = rejected_csv(true, &rows);
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "行号,客户ID,账号名,备注,原因,错误码");
        assert_eq!(lines[1], "3,\"'=HYPERLINK(\"\"http://x\"\")\",,,客户不存在,CBC.5002");
        assert_eq!(lines[2], "5,,\"a,b\",'@SUM(A1),与第 2 行重复,CBC.50000061");
        assert!(rejected_csv(false, &[]).contains("Row,Customer ID,Account name,Remark,Reason,Error code"));
    }

    #[test]
    fn templates_read_back_through_the_importer() {
        for zh in [true, false] {
            let csv = template_csv(zh);
            assert!(csv.starts_with('\u{feff}'));
            let p = parse(&read_csv(&csv).unwrap()).unwrap();
            assert_eq!(p.rows.len(), 1);
            let p = parse(&read_xlsx(&write_xlsx("t", &template(zh))).unwrap()).unwrap();
            assert_eq!(p.rows[0].account_name.as_deref(), Some("example_account"));
        }
        assert!(template_csv(true).contains("客户ID,账号名,备注"));
        assert!(template_csv(false).contains("Customer ID,Account name,Remark"));
    }
}
