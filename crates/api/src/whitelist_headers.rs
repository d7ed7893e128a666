//! Finding the whitelist's columns in a file: the header labels people's files really have
//! (the console's own wording, the template's, CRM exports, in either language, with or
//! without 账号, spaces, case, full-width characters, a `*` or a note in brackets), and the row
//! they are on (a title row, often merged, may sit above them).

use crate::customer_id::to_half_width;
use serde::{Deserialize, Serialize};

/// Column headers of the template in both languages: (zh-CN, en).
pub const HEADER_CUSTOMER_ID: (&str, &str) = ("客户ID", "Customer ID");
pub const HEADER_ACCOUNT_NAME: (&str, &str) = ("账号名", "Account name");
pub const HEADER_REMARK: (&str, &str) = ("备注", "Remark");

/// The header is looked for in this many rows at the top of a sheet.
pub const HEADER_SCAN_ROWS: usize = 20;

/// The three columns a whitelist file has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    CustomerId,
    AccountName,
    Remark,
}

/// Labels (as [`normalise`] leaves them) that name each field.
const CUSTOMER_ID: &[&str] = &[
    "客户id",
    "客户账号id",
    "客户账户id",
    "账号id",
    "账户id",
    "租户id",
    "customerid",
    "customeraccountid",
    "accountid",
    "domainid",
    "id",
];
const ACCOUNT_NAME: &[&str] = &[
    "账号名",
    "账号名称",
    "客户账号名",
    "客户账号名称",
    "账户名",
    "账户名称",
    "客户账户名",
    "客户账户名称",
    "账号",
    "客户账号",
    "登录名",
    "租户名",
    "租户名称",
    "accountname",
    "customeraccountname",
    "account",
    "customeraccount",
    "loginname",
    "domainname",
];
const REMARK: &[&str] =
    &["备注", "备注信息", "说明", "remark", "remarks", "note", "notes", "memo", "comment", "comments", "description"];

/// A header for comparison: half-width, lower-case, without spaces, punctuation, a `*`
/// (required) or anything in brackets (a unit or a note: `客户ID（必填）`, `Customer ID [32]`).
pub fn normalise(h: &str) -> String {
    let half = to_half_width(h.trim_start_matches('\u{feff}'));
    let out = squeeze(&half, true);
    // A header that is all brackets (`【客户ID】`): its text is the label.
    if out.is_empty() {
        squeeze(&half, false)
    } else {
        out
    }
}

fn squeeze(half: &str, drop_bracketed: bool) -> String {
    let mut out = String::with_capacity(half.len());
    let mut depth = 0u32;
    for c in half.chars() {
        match c {
            '(' | '[' | '{' | '【' | '〔' | '<' => depth += 1,
            ')' | ']' | '}' | '】' | '〕' | '>' => depth = depth.saturating_sub(1),
            _ if depth > 0 && drop_bracketed => {}
            c if c.is_whitespace() || matches!(c, '_' | '-' | '·' | '.' | ':' | '：' | '*' | '/' | '#') => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Which field a header names.
pub fn field_of(header: &str) -> Option<Field> {
    let h = normalise(header);
    if h.is_empty() {
        return None;
    }
    [(Field::CustomerId, CUSTOMER_ID), (Field::AccountName, ACCOUNT_NAME), (Field::Remark, REMARK)]
        .into_iter()
        .find(|(_, names)| names.contains(&h.as_str()))
        .map(|(f, _)| f)
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

    fn slot(&mut self, f: Field) -> &mut Option<usize> {
        match f {
            Field::CustomerId => &mut self.customer_id,
            Field::AccountName => &mut self.account_name,
            Field::Remark => &mut self.remark,
        }
    }
}

/// The columns a header row names, and a field named by more than one column (which one is
/// meant cannot be guessed): the field and its columns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detected {
    pub mapping: Mapping,
    pub twice: Option<(Field, Vec<usize>)>,
}

/// The columns recognised by their header.
pub fn detect<S: AsRef<str>>(header: &[S]) -> Detected {
    let mut d = Detected::default();
    for (i, h) in header.iter().enumerate() {
        let Some(f) = field_of(h.as_ref()) else { continue };
        match *d.mapping.slot(f) {
            None => *d.mapping.slot(f) = Some(i),
            Some(first) => match &mut d.twice {
                Some((tf, cols)) if *tf == f => cols.push(i),
                Some(_) => {}
                None => d.twice = Some((f, vec![first, i])),
            },
        }
    }
    d
}

/// The header row: the first of the top [`HEADER_SCAN_ROWS`] rows that names a customer-id
/// or account-name column. `None` when none does.
pub fn find_header_row<R: AsRef<[S]>, S: AsRef<str>>(rows: &[R]) -> Option<usize> {
    rows.iter().take(HEADER_SCAN_ROWS).position(|r| detect(r.as_ref()).mapping.is_usable())
}

/// The first row with anything in it (where a header without known labels most likely is).
pub fn first_filled_row<R: AsRef<[S]>, S: AsRef<str>>(rows: &[R]) -> usize {
    rows.iter().position(|r| r.as_ref().iter().any(|c| !c.as_ref().trim().is_empty())).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_labels_partners_files_have() {
        for h in [
            "客户ID",
            "客户账号ID",
            "客户账号 ID",
            "客户ＩＤ",
            "客户ID（必填）",
            "*客户ID",
            "客户ID(32位)",
            "Customer ID",
            "customer_id",
            "CUSTOMER-ID",
            "Customer account ID",
            "Account ID",
            "\u{feff}客户ID",
            "【客户ID】",
        ] {
            assert_eq!(field_of(h), Some(Field::CustomerId), "{h}");
        }
        for h in [
            "账号名",
            "客户账号名",
            "客户账号名称",
            "账号名称",
            "Account name",
            "Customer account name",
            "登录名",
            "账号",
        ] {
            assert_eq!(field_of(h), Some(Field::AccountName), "{h}");
        }
        for h in ["备注", "Remark", "Remarks", "备注（选填）", "Note"] {
            assert_eq!(field_of(h), Some(Field::Remark), "{h}");
        }
        // A company name is not an account name, and an unknown label is unknown.
        for h in ["客户名称", "Customer name", "编号", "名称", "", "  "] {
            assert_eq!(field_of(h), None, "{h}");
        }
    }

    #[test]
    fn a_field_named_twice_is_reported_with_its_columns() {
        let d = detect(&["客户ID", "账号名", "客户ID"]);
        assert_eq!(d.mapping.customer_id, Some(0));
        assert_eq!(d.twice, Some((Field::CustomerId, vec![0, 2])));
        assert_eq!(detect(&["账号名", "备注"]).twice, None);
    }

    #[test]
    fn the_header_row_below_a_title() {
        let rows: Vec<Vec<&str>> = vec![
            vec!["2026 年第四季度客户白名单", "", ""],
            vec![],
            vec!["客户账号ID", "客户账号名", "备注"],
            vec!["x", "", ""],
        ];
        assert_eq!(find_header_row(&rows), Some(2));
        assert_eq!(first_filled_row(&rows), 0);
        let none: Vec<Vec<&str>> = vec![vec![""], vec!["name", "phone"]];
        assert_eq!(find_header_row(&none), None);
        assert_eq!(first_filled_row(&none), 1);
    }
}
