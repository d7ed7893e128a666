//! Just enough ZIP for XLSX: read entries (stored or deflated) through the central directory,
//! and write a stored (uncompressed) archive. Sizes are bounded so a crafted file cannot make
//! the browser inflate gigabytes.

use super::SheetError;

/// No single part of an uploaded workbook may inflate beyond this.
const MAX_ENTRY_BYTES: usize = 64 * 1024 * 1024;

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

pub struct Archive<'a> {
    bytes: &'a [u8],
    /// (name, local header offset, method, compressed size)
    entries: Vec<(String, usize, u16, usize)>,
}

impl<'a> Archive<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, SheetError> {
        if !bytes.starts_with(b"PK\x03\x04") {
            return Err(SheetError::NotXlsx);
        }
        // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
        let from = bytes.len().saturating_sub(22 + 65_535);
        let eocd = (from..bytes.len().saturating_sub(21))
            .rev()
            .find(|&i| bytes[i..].starts_with(b"PK\x05\x06"))
            .ok_or(SheetError::NotXlsx)?;
        let count = u16_at(bytes, eocd + 10).ok_or(SheetError::NotXlsx)? as usize;
        let mut pos = u32_at(bytes, eocd + 16).ok_or(SheetError::NotXlsx)? as usize;
        let mut entries = Vec::with_capacity(count);
        for _ in 0..count {
            let bad = || SheetError::Corrupt("central directory".into());
            if !bytes.get(pos..).is_some_and(|b| b.starts_with(b"PK\x01\x02")) {
                return Err(bad());
            }
            let method = u16_at(bytes, pos + 10).ok_or_else(bad)?;
            let size = u32_at(bytes, pos + 20).ok_or_else(bad)? as usize;
            let name_len = u16_at(bytes, pos + 28).ok_or_else(bad)? as usize;
            let extra_len = u16_at(bytes, pos + 30).ok_or_else(bad)? as usize;
            let comment_len = u16_at(bytes, pos + 32).ok_or_else(bad)? as usize;
            let offset = u32_at(bytes, pos + 42).ok_or_else(bad)? as usize;
            let name = bytes.get(pos + 46..pos + 46 + name_len).ok_or_else(bad)?;
            entries.push((String::from_utf8_lossy(name).into_owned(), offset, method, size));
            pos += 46 + name_len + extra_len + comment_len;
        }
        Ok(Archive { bytes, entries })
    }

    pub fn has(&self, name: &str) -> bool {
        self.entries.iter().any(|(n, ..)| n == name)
    }

    /// The uncompressed bytes of an entry, if it exists.
    pub fn read(&self, name: &str) -> Result<Option<Vec<u8>>, SheetError> {
        let Some(&(_, offset, method, size)) = self.entries.iter().find(|(n, ..)| n == name) else {
            return Ok(None);
        };
        let bad = || SheetError::Corrupt(name.to_string());
        let b = self.bytes;
        if !b.get(offset..).is_some_and(|h| h.starts_with(b"PK\x03\x04")) {
            return Err(bad());
        }
        let name_len = u16_at(b, offset + 26).ok_or_else(bad)? as usize;
        let extra_len = u16_at(b, offset + 28).ok_or_else(bad)? as usize;
        let start = offset + 30 + name_len + extra_len;
        let data = b.get(start..start + size).ok_or_else(bad)?;
        match method {
            0 => Ok(Some(data.to_vec())),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_ENTRY_BYTES).map(Some).map_err(|e| {
                // Past the limit is "too large when unpacked", not damage.
                if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
                    SheetError::TooLargeUnpacked(name.to_string())
                } else {
                    bad()
                }
            }),
            m => Err(SheetError::Corrupt(format!("{name}: compression method {m}"))),
        }
    }

    pub fn read_text(&self, name: &str) -> Result<Option<String>, SheetError> {
        Ok(self.read(name)?.map(|b| String::from_utf8_lossy(&b).into_owned()))
    }
}

fn crc32(data: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (i, slot) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
        }
        *slot = c;
    }
    !data.iter().fold(!0u32, |c, &b| table[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8))
}

/// A stored (uncompressed) ZIP of the given files, in order.
pub fn write_stored(files: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let (size, name_len) = (data.len() as u32, name.len() as u16);
        // Local file header: version 2.0, flag bit 11 (UTF-8 names), stored, no time.
        out.extend_from_slice(b"PK\x03\x04");
        for v in [20u16, 0x0800, 0, 0, 0x21] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, size, size] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        central.extend_from_slice(b"PK\x01\x02");
        for v in [20u16, 20, 0x0800, 0, 0, 0x21] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, size, size] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        for v in [name_len, 0, 0, 0, 0] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        central.extend_from_slice(&0u32.to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let (cd_offset, cd_size, n) = (out.len() as u32, central.len() as u32, files.len() as u16);
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06");
    for v in [0u16, 0, n, n] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&cd_size.to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn stored_round_trip() {
        let zip = write_stored(&[("a.txt", b"hello".to_vec()), ("dir/中文.xml", "<x/>".as_bytes().to_vec())]);
        let a = Archive::open(&zip).unwrap();
        assert_eq!(a.read("a.txt").unwrap().unwrap(), b"hello");
        assert_eq!(a.read_text("dir/中文.xml").unwrap().unwrap(), "<x/>");
        assert_eq!(a.read("missing").unwrap(), None);
    }

    #[test]
    fn deflated_entries_are_inflated() {
        // A deflated entry built by hand: local header + raw deflate data + central directory.
        let data = "<sst><si><t>deflated</t></si></sst>".repeat(20);
        let deflated = miniz_oxide::deflate::compress_to_vec(data.as_bytes(), 6);
        let mut zip = write_stored(&[("x", deflated.clone())]);
        // Mark the entry as deflated (method 8) in both headers.
        zip[8] = 8;
        let cd = zip.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
        zip[cd + 10] = 8;
        let a = Archive::open(&zip).unwrap();
        assert_eq!(a.read_text("x").unwrap().unwrap(), data);
    }

    #[test]
    fn not_a_zip() {
        assert!(matches!(Archive::open(b"id,name\n1,a"), Err(SheetError::NotXlsx)));
        assert!(matches!(Archive::open(b"PK\x03\x04 truncated"), Err(SheetError::NotXlsx)));
    }
}
