//! Bytes of a text file to text: which encoding a CSV people upload is in. UTF-8 (with or
//! without a BOM), UTF-16 (Excel's "Unicode text": a BOM, tab-separated) and, when the bytes
//! are not UTF-8 at all, the legacy Chinese encoding (GB18030, a superset of GBK), which the
//! browser's `TextDecoder` decodes (its tables are not shipped in the wasm). A file that is
//! mostly UTF-8 with a few damaged rows stays UTF-8: each damaged sequence becomes U+FFFD and
//! the rows holding one are refused by name, rather than the whole file turned into mojibake.
//! Files that are not text at all are told apart from text first.

use super::SheetError;

/// What the bytes are.
#[derive(Debug, PartialEq, Eq)]
pub enum Decoded {
    /// Text, and whether some of it was damaged (invalid UTF-8 replaced by U+FFFD).
    Text { text: String, damaged: bool },
    /// Not UTF-8: legacy Chinese text, for the caller to decode as GB18030.
    Legacy(Vec<u8>),
}

/// Signatures of files people pick by mistake: (magic, is an old Excel workbook).
const BINARY_MAGIC: &[(&[u8], bool)] = &[
    (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", true), // OLE compound file: .xls, .doc, .et
    (b"%PDF", false),
    (b"\x89PNG", false),
    (b"\xFF\xD8\xFF", false),
    (b"GIF8", false),
    (b"\x1F\x8B", false),
    (b"Rar!", false),
    (b"7z\xBC\xAF", false),
    (b"MZ", false),
    (b"\x7FELF", false),
];

/// Control bytes a text file does not contain (tab, line breaks, form feed and ESC aside).
fn is_binary_byte(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F)
}

/// Many control bytes: not text. A stray NUL or two in a CSV is a row problem, not this.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let controls = sample.iter().filter(|&&b| is_binary_byte(b)).count();
    if sample.len() >= 512 {
        controls * 100 > sample.len()
    } else {
        controls * 100 > sample.len() * 30
    }
}

/// UTF-16 without a BOM: one byte of nearly every pair is zero (ASCII text). `Some(true)` for
/// little-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let pairs: Vec<&[u8]> = bytes[..bytes.len().min(2048) & !1].chunks(2).collect();
    if pairs.len() < 4 {
        return None;
    }
    let high_zero = pairs.iter().filter(|p| p[1] == 0 && p[0] != 0).count();
    let low_zero = pairs.iter().filter(|p| p[0] == 0 && p[1] != 0).count();
    if high_zero * 10 >= pairs.len() * 9 {
        Some(true)
    } else if low_zero * 10 >= pairs.len() * 9 {
        Some(false)
    } else {
        None
    }
}

fn utf16(bytes: &[u8], little: bool) -> Decoded {
    let units = bytes.chunks_exact(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    let mut damaged = bytes.len() % 2 == 1;
    let text = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                damaged = true;
                '\u{FFFD}'
            })
        })
        .collect();
    Decoded::Text { text, damaged }
}

/// Decodes a text file (see the module comment). Takes the bytes so valid UTF-8 becomes the
/// string without a copy.
pub fn decode_text(bytes: Vec<u8>) -> Result<Decoded, SheetError> {
    for (magic, old_excel) in BINARY_MAGIC {
        if bytes.starts_with(magic) {
            return Err(if *old_excel { SheetError::OldExcel } else { SheetError::NotText });
        }
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok(utf16(rest, true));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok(utf16(rest, false));
    }
    if let Some(little) = utf16_without_bom(&bytes) {
        return Ok(utf16(&bytes, little));
    }
    if looks_binary(&bytes) {
        return Err(SheetError::NotText);
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok(Decoded::Text { text, damaged: false }),
        Err(e) => e.into_bytes(),
    };
    // Lines that show UTF-8 (multi-byte characters that decode, nothing that does not) against
    // lines with damage. Legacy Chinese text is damage on every line that is not plain ASCII.
    let (mut utf8_lines, mut damaged_lines) = (0usize, 0usize);
    for line in bytes.split(|&b| b == b'\n') {
        if std::str::from_utf8(line).is_ok() {
            utf8_lines += usize::from(!line.is_ascii());
        } else {
            damaged_lines += 1;
        }
    }
    if utf8_lines > damaged_lines {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        return Ok(Decoded::Text { text, damaged: true });
    }
    Ok(Decoded::Legacy(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> (String, bool) {
        match decode_text(bytes.to_vec()).unwrap() {
            Decoded::Text { text, damaged } => (text, damaged),
            Decoded::Legacy(_) => panic!("legacy"),
        }
    }

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        out.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    #[test]
    fn utf8_with_or_without_bom() {
        assert_eq!(text("客户ID\na".as_bytes()), ("客户ID\na".into(), false));
        assert_eq!(text("\u{feff}x".as_bytes()).0, "\u{feff}x", "the CSV reader drops the BOM");
    }

    #[test]
    fn utf16_by_bom_or_by_its_zero_bytes() {
        assert_eq!(text(&utf16le("客户ID\t备注\r\nab\t中\r\n", true)), ("客户ID\t备注\r\nab\t中\r\n".into(), false));
        let mut be = vec![0xFE, 0xFF];
        be.extend("账号名\n".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(text(&be).0, "账号名\n");
        assert_eq!(text(&utf16le("Customer ID\tRemark\n", false)).0, "Customer ID\tRemark\n");
        // An unpaired surrogate is damage, not a reason to refuse the file.
        let mut bad = utf16le("ab", true);
        bad.extend([0x00, 0xD8]);
        assert_eq!(text(&bad), ("ab\u{fffd}".into(), true));
    }

    #[test]
    fn mostly_utf8_keeps_utf8_and_marks_the_damage() {
        let mut bytes = "客户ID,账号名,备注\n0a,北京账号,华东\n".as_bytes().to_vec();
        bytes.extend(b"0b,\xB1\xB1\xBE\xA9,x\n"); // 北京 in GBK
        let (t, damaged) = text(&bytes);
        assert!(damaged);
        assert!(t.starts_with("客户ID,账号名,备注\n0a,北京账号,华东\n0b,\u{fffd}"), "{t}");
    }

    #[test]
    fn legacy_chinese_is_left_to_the_gb18030_decoder() {
        let gbk = b"\xBF\xCD\xBB\xA7ID,\xB1\xB8\xD7\xA2\n1,\xB1\xB1\xBE\xA9\n"; // 客户ID,备注 / 北京
        assert!(matches!(decode_text(gbk.to_vec()), Ok(Decoded::Legacy(_))));
    }

    #[test]
    fn files_that_are_not_text() {
        assert_eq!(decode_text(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest".to_vec()), Err(SheetError::OldExcel));
        assert_eq!(decode_text(b"%PDF-1.7\n".to_vec()), Err(SheetError::NotText));
        let noise: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        assert_eq!(decode_text(noise), Err(SheetError::NotText));
        // A NUL or two inside a CSV is left to the row checks.
        assert!(matches!(decode_text(b"Customer ID,Remark\nc-\x00001,\n".to_vec()), Ok(Decoded::Text { .. })));
    }
}
