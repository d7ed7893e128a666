//! Attachments of an acceptance application: which files are accepted (type by extension,
//! size, name), how a file is sent (opened, then in chunks of `CHUNK_BYTES` in order, each as
//! base64), and the base64 both sides use. One set of rules for the app (checked when a file is
//! chosen) and the sandbox (enforced on open and on every chunk).

use crate::codes;
use serde::{Deserialize, Serialize};

pub const OPEN_PATH: &str = "/v2/partners/delivery/attachments";
pub const CHUNK_ROUTE: &str = "/v2/partners/delivery/attachments/{attachment_id}/chunks";

/// At most this many attachments per application.
pub const MAX_FILES: usize = 5;
/// Each file at most 10 MiB.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// A chunk carries this many bytes of the file (the last one the rest).
pub const CHUNK_BYTES: u64 = 256 * 1024;
pub const MAX_NAME_CHARS: usize = 128;
/// Accepted extensions (any case): documents, spreadsheets, images and archives.
pub const EXTENSIONS: &[&str] = &["pdf", "doc", "docx", "xls", "xlsx", "jpg", "jpeg", "png", "zip"];

/// Why a file cannot be attached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    Empty,
    /// Over [`MAX_FILE_BYTES`] (`CBC.50080011`).
    TooLarge,
    /// Extension not in [`EXTENSIONS`] (`CBC.50080010`).
    BadType,
    /// Empty name, over [`MAX_NAME_CHARS`], or with a path separator or control character.
    BadName,
}

impl FileProblem {
    pub fn code(self) -> &'static str {
        match self {
            FileProblem::TooLarge => codes::ATTACHMENT_TOO_LARGE,
            FileProblem::BadType => codes::ATTACHMENT_TYPE,
            FileProblem::Empty | FileProblem::BadName => codes::PARAM_ERROR,
        }
    }

    /// The server's `error_msg`.
    pub fn reason(self) -> String {
        match self {
            FileProblem::Empty => "parameter 'size' must be at least 1".into(),
            FileProblem::TooLarge => format!("the file must be at most {MAX_FILE_BYTES} bytes"),
            FileProblem::BadType => format!("the file type must be one of {}", EXTENSIONS.join(", ")),
            FileProblem::BadName => format!("parameter 'file_name' must be 1-{MAX_NAME_CHARS} characters, no path"),
        }
    }
}

/// The lower-case extension of a file name, if any.
pub fn extension(name: &str) -> Option<String> {
    name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).filter(|e| !e.is_empty())
}

/// Whether a file may be attached.
pub fn check_file(name: &str, size: u64) -> Result<(), FileProblem> {
    let n = name.chars().count();
    if n == 0 || n > MAX_NAME_CHARS || name.chars().any(|c| c == '/' || c == '\\' || c.is_control()) {
        return Err(FileProblem::BadName);
    }
    if !extension(name).is_some_and(|e| EXTENSIONS.contains(&e.as_str())) {
        return Err(FileProblem::BadType);
    }
    if size == 0 {
        return Err(FileProblem::Empty);
    }
    if size > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge);
    }
    Ok(())
}

/// Chunks a file of `size` bytes is sent in.
pub fn chunk_count(size: u64) -> u32 {
    size.div_ceil(CHUNK_BYTES) as u32
}

/// The byte range of chunk `index` of a file of `size` bytes.
pub fn chunk_range(size: u64, index: u32) -> (u64, u64) {
    let start = index as u64 * CHUNK_BYTES;
    (start.min(size), (start + CHUNK_BYTES).min(size))
}

/// `POST /v2/partners/delivery/attachments`: opens an upload for one file of a project.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenAttachmentRequest {
    pub project_id: String,
    pub file_name: String,
    /// Bytes, 1–[`MAX_FILE_BYTES`].
    pub size: u64,
}

/// An upload as the server holds it (the answer of open and of every chunk).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentUpload {
    pub attachment_id: String,
    pub file_name: String,
    pub size: u64,
    pub chunk_size: u64,
    pub chunk_count: u32,
    /// Chunks received so far (always the first ones: they are taken in order).
    pub received_chunks: u32,
    /// All chunks received: the attachment may be named in a submission.
    pub complete: bool,
}

/// `POST /v2/partners/delivery/attachments/{attachment_id}/chunks`
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SendAttachmentChunk {
    pub attachment_id: String,
    pub body: AttachmentChunk,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentChunk {
    /// 0-based; must be the next one (`received_chunks`), or an already received one again
    /// (answered as is, so a chunk whose answer was lost can be resent).
    pub index: u32,
    /// The chunk's bytes in standard base64 with padding.
    pub data: String,
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let n = (c[0] as u32) << 16 | (*c.get(1).unwrap_or(&0) as u32) << 8 | *c.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= c.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes standard base64 with padding; `None` for anything else.
pub fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    if b.len() % 4 != 0 {
        return None;
    }
    let val = |c: u8| ALPHABET.iter().position(|&a| a == c).map(|p| p as u32);
    let mut out = Vec::with_capacity(b.len() / 4 * 3);
    for (i, q) in b.chunks(4).enumerate() {
        let last = i == b.len() / 4 - 1;
        let pad = q.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut n = 0u32;
        for &c in &q[..4 - pad] {
            n = n << 6 | val(c)?;
        }
        n <<= 6 * pad as u32;
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    Some(out)
}

pub fn chunk_path(attachment_id: &str) -> String {
    crate::endpoint::fill_route(CHUNK_ROUTE, &[attachment_id])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_sizes_and_names() {
        assert_eq!(check_file("验收报告.PDF", 1), Ok(()));
        assert_eq!(check_file("photo.jpeg", MAX_FILE_BYTES), Ok(()));
        assert_eq!(check_file("big.zip", MAX_FILE_BYTES + 1), Err(FileProblem::TooLarge));
        assert_eq!(check_file("run.exe", 10), Err(FileProblem::BadType));
        assert_eq!(check_file("noext", 10), Err(FileProblem::BadType));
        assert_eq!(check_file("dot.", 10), Err(FileProblem::BadType));
        assert_eq!(check_file("empty.pdf", 0), Err(FileProblem::Empty));
        assert_eq!(check_file("", 10), Err(FileProblem::BadName));
        assert_eq!(check_file("a/b.pdf", 10), Err(FileProblem::BadName));
        assert_eq!(check_file(&format!("{}.pdf", "x".repeat(MAX_NAME_CHARS)), 10), Err(FileProblem::BadName));
        assert_eq!(FileProblem::BadType.code(), codes::ATTACHMENT_TYPE);
        assert_eq!(FileProblem::TooLarge.code(), codes::ATTACHMENT_TOO_LARGE);
    }

    #[test]
    fn chunks_cover_the_file_exactly() {
        assert_eq!(chunk_count(1), 1);
        assert_eq!(chunk_count(CHUNK_BYTES), 1);
        assert_eq!(chunk_count(CHUNK_BYTES + 1), 2);
        assert_eq!(chunk_count(MAX_FILE_BYTES), 40);
        let size = 3 * CHUNK_BYTES - 5;
        assert_eq!(chunk_range(size, 0), (0, CHUNK_BYTES));
        assert_eq!(chunk_range(size, 2), (2 * CHUNK_BYTES, size));
    }

    #[test]
    fn base64_round_trips_and_refuses_garbage() {
        for s in ["", "f", "fo", "foo", "foob", "fooba", "foobar"] {
            let e = base64_encode(s.as_bytes());
            assert_eq!(base64_decode(&e).unwrap(), s.as_bytes(), "{s}");
        }
        assert_eq!(base64_encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64_encode(b"fo"), "Zm8=");
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(base64_decode(&base64_encode(&all)).unwrap(), all);
        for bad in ["Zm8", "Zm8*", "Z===", "Zg==Zg==", "Zm 8"] {
            assert_eq!(base64_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn chunk_body_is_strict() {
        assert!(serde_json::from_str::<AttachmentChunk>(r#"{"index":0,"data":"","x":1}"#).is_err());
        assert_eq!(chunk_path("AT 1"), "/v2/partners/delivery/attachments/AT%201/chunks");
    }
}
