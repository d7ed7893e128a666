//! The whitelist's templates (CSV and XLSX, in the reader's language) and the download of
//! an import's refused rows.

use crate::sheet::Cell;
use crate::whitelist::UploadRow;
use crate::whitelist_headers::{HEADER_ACCOUNT_NAME, HEADER_CUSTOMER_ID, HEADER_REMARK};

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
    use crate::whitelist::codes;
    use crate::whitelist_file::parse;

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
