//! RFC 4180 CSV reading: quoted fields with doubled quotes and embedded line breaks, CRLF or
//! LF, a leading byte-order mark, and the separators people's spreadsheets use (comma, or
//! semicolon / tab when the header line clearly uses them).

use super::{trim_trailing_blank_rows, Rows, SheetError};

fn separator(text: &str) -> char {
    let header = text.lines().next().unwrap_or_default();
    let count = |c| header.matches(c).count();
    [',', ';', '\t'].into_iter().max_by_key(|c| (count(*c), *c == ',')).unwrap_or(',')
}

pub fn read_csv(text: &str) -> Result<Rows, SheetError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sep = separator(text);
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
    }
}
