//! RFC 4180 CSV reading: quoted fields with doubled quotes and embedded line breaks, CRLF or
//! LF, a leading byte-order mark, and the separators people's spreadsheets use (comma, or
//! semicolon / tab when the header line clearly uses them).
//!
//! The tokenizer scans bytes (`memchr`) and borrows every field that needs no unescaping, so a
//! 100,000-row file costs two flat vectors rather than a `String` per cell. Separators, quotes
//! and line breaks are ASCII, so cutting the UTF-8 text at them always gives valid `str`s.

use super::{trim_trailing_blank_rows, Rows, SheetError};
use std::borrow::Cow;

fn separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default().as_bytes();
    let count = |c: u8| memchr::memchr_iter(c, header).count();
    [b',', b';', b'\t'].into_iter().max_by_key(|c| (count(*c), *c == b',')).unwrap_or(b',')
}

/// CSV cells in two flat vectors: every field, and where each row ends in `fields`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CsvTable<'a> {
    fields: Vec<Cow<'a, str>>,
    row_ends: Vec<usize>,
    /// Rows (0-based) with malformed quoting: a quote inside an unquoted field, or text after
    /// a closing quote. Read as the text is, but the row cannot be trusted.
    bad_quotes: Vec<usize>,
}

impl<'a> CsvTable<'a> {
    /// The rows as slices of cells (trailing blank rows already dropped).
    pub fn rows(&self) -> Vec<&[Cow<'a, str>]> {
        let mut start = 0;
        self.row_ends
            .iter()
            .map(|&end| {
                let row = &self.fields[start..end];
                start = end;
                row
            })
            .collect()
    }

    /// Rows (0-based, ascending) whose quoting is malformed.
    pub fn bad_quote_rows(&self) -> &[usize] {
        &self.bad_quotes
    }

    fn mark_bad_quotes(&mut self) {
        let row = self.row_ends.len();
        if self.bad_quotes.last() != Some(&row) {
            self.bad_quotes.push(row);
        }
    }

    fn end_row(&mut self) {
        self.row_ends.push(self.fields.len());
    }

    fn drop_trailing_blank_rows(&mut self) {
        while let Some(&end) = self.row_ends.last() {
            let start = self.row_ends.len().checked_sub(2).map_or(0, |i| self.row_ends[i]);
            if !self.fields[start..end].iter().all(|c| c.trim().is_empty()) {
                break;
            }
            self.row_ends.pop();
            self.fields.truncate(start);
        }
    }
}

/// Reads CSV text into rows of owned cells.
pub fn read_csv(text: &str) -> Result<Rows, SheetError> {
    let table = read_csv_table(text)?;
    let rows = table.rows().into_iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    Ok(trim_trailing_blank_rows(rows))
}

/// Reads CSV text into cells borrowed from it where possible (see the module comment).
pub fn read_csv_table(text: &str) -> Result<CsvTable<'_>, SheetError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bytes = text.as_bytes();
    let sep = separator(text);
    let mut table = CsvTable::default();
    let (mut line, mut at) = (1usize, 0usize);
    let mut row_open = false;
    loop {
        // One field starts at `at`.
        let field: Cow<str>;
        if bytes.get(at) == Some(&b'"') {
            // Quoted: unescape into `owned` only when a doubled quote or trailing text needs it.
            let mut owned: Option<String> = None;
            let mut borrowed: &str = "";
            loop {
                let quote_line = line;
                let start = at + 1;
                let mut pos = start;
                let close = loop {
                    let Some(q) = memchr::memchr(b'"', &bytes[pos..]).map(|q| pos + q) else {
                        return Err(SheetError::UnterminatedQuote { line: quote_line });
                    };
                    line += memchr::memchr_iter(b'\n', &bytes[pos..q]).count();
                    if bytes.get(q + 1) == Some(&b'"') {
                        let s = owned.get_or_insert_with(|| borrowed.to_string());
                        s.push_str(&text[pos..=q]);
                        pos = q + 2;
                        continue;
                    }
                    break q;
                };
                match owned.as_mut() {
                    Some(s) => s.push_str(&text[pos..close]),
                    None if borrowed.is_empty() => borrowed = &text[start..close],
                    None => owned = Some(format!("{borrowed}{}", &text[start..close])),
                }
                at = close + 1;
                let empty = owned.as_ref().map_or(borrowed.is_empty(), String::is_empty);
                // A quote right after an empty quoted field opens quotes again.
                if empty && bytes.get(at) == Some(&b'"') {
                    continue;
                }
                break;
            }
            // Text after the closing quote up to the separator belongs to the field, as is.
            let end = memchr::memchr3(sep, b'\n', b'\r', &bytes[at..]).map_or(bytes.len(), |e| at + e);
            if end > at {
                let s = owned.get_or_insert_with(|| borrowed.to_string());
                s.push_str(&text[at..end]);
                table.mark_bad_quotes();
            }
            at = end;
            field = owned.map_or(Cow::Borrowed(borrowed), Cow::Owned);
        } else {
            let end = memchr::memchr3(sep, b'\n', b'\r', &bytes[at..]).map_or(bytes.len(), |e| at + e);
            if memchr::memchr(b'"', &bytes[at..end]).is_some() {
                table.mark_bad_quotes();
            }
            field = Cow::Borrowed(&text[at..end]);
            at = end;
        }
        match bytes.get(at) {
            None => {
                if !field.is_empty() || row_open {
                    table.fields.push(field);
                    table.end_row();
                }
                break;
            }
            Some(&b) if b == sep => {
                table.fields.push(field);
                row_open = true;
                at += 1;
            }
            Some(&b) => {
                table.fields.push(field);
                table.end_row();
                row_open = false;
                line += 1;
                at += if b == b'\r' && bytes.get(at + 1) == Some(&b'\n') { 2 } else { 1 };
            }
        }
    }
    table.drop_trailing_blank_rows();
    let rows = table.row_ends.len();
    table.bad_quotes.retain(|&r| r < rows);
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_newlines_and_bom() {
        let rows =
            read_csv("\u{feff}客户ID,账号名,备注\r\nc1,\"acme, inc\",\"say \"\"hi\"\"\"\r\nc2,b,\"two\nlines\"\r\n")
                .unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0], vec!["客户ID", "账号名", "备注"]);
        assert_eq!(rows[1], vec!["c1", "acme, inc", "say \"hi\""]);
        assert_eq!(rows[2][2], "two\nlines");
    }

    #[test]
    fn semicolons_tabs_and_trailing_blank_lines() {
        assert_eq!(read_csv("a;b\n1;2\n\n\n").unwrap(), vec![vec!["a", "b"], vec!["1", "2"]]);
        assert_eq!(read_csv("a\tb\n1\t2").unwrap(), vec![vec!["a", "b"], vec!["1", "2"]]);
        assert_eq!(read_csv("id\n,\n").unwrap(), vec![vec!["id"]]);
    }

    #[test]
    fn unterminated_quote_names_the_line() {
        assert_eq!(read_csv("a\n\"open\nx").unwrap_err(), SheetError::UnterminatedQuote { line: 2 });
        assert_eq!(read_csv("a\n\"x\ny\"\n\n\"z\n").unwrap_err(), SheetError::UnterminatedQuote { line: 5 });
    }

    #[test]
    fn malformed_quoting_is_marked_by_row() {
        let t = read_csv_table("a,b\nx,ab\"c\n\"ok\",y\n\"q\"tail,z\nfine,\"\"\"\"\n").unwrap();
        assert_eq!(t.rows()[1][1], "ab\"c");
        assert_eq!(t.rows()[3][0], "qtail");
        assert_eq!(t.bad_quote_rows(), &[1, 3]);
        assert!(read_csv_table("a\n\"x\"\"y\"\n").unwrap().bad_quote_rows().is_empty());
    }

    #[test]
    fn plain_fields_are_borrowed() {
        let t = read_csv_table("a,\"b\",\"c\"\"\"\n").unwrap();
        let row = t.rows()[0];
        assert!(matches!(row[0], Cow::Borrowed("a")) && matches!(row[1], Cow::Borrowed("b")));
        assert_eq!(row[2], "c\"");
    }

    /// The char-by-char reader this tokenizer replaced, kept as the reference it must match.
    fn reference(text: &str) -> Result<Rows, SheetError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let sep = separator(text) as char;
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let (mut line, mut quote_line) = (1usize, 0usize);
        let mut in_quotes = false;
        while let Some(c) = chars.next() {
            if in_quotes {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => in_quotes = false,
                    '\n' => {
                        line += 1;
                        field.push('\n');
                    }
                    _ => field.push(c),
                }
                continue;
            }
            match c {
                '"' if field.is_empty() => {
                    in_quotes = true;
                    quote_line = line;
                }
                c if c == sep => row.push(std::mem::take(&mut field)),
                '\r' if chars.peek() == Some(&'\n') => {}
                '\n' | '\r' => {
                    line += 1;
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                _ => field.push(c),
            }
        }
        if in_quotes {
            return Err(SheetError::UnterminatedQuote { line: quote_line });
        }
        if !field.is_empty() || !row.is_empty() {
            row.push(field);
            rows.push(row);
        }
        Ok(trim_trailing_blank_rows(rows))
    }

    #[test]
    fn matches_the_reference_reader_on_random_csv() {
        const ALPHABET: &[&str] =
            &["a", "b", ",", ";", "\t", "\"", "\"\"", "\n", "\r", "\r\n", " ", "é", "客", "\u{feff}"];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            state.wrapping_mul(0x2545_f491_4f6c_dd1d)
        };
        for case in 0..20_000 {
            let len = (next() % 24) as usize;
            let text: String = (0..len).map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize]).collect();
            assert_eq!(read_csv(&text), reference(&text), "case {case}: {text:?}");
        }
    }
}
