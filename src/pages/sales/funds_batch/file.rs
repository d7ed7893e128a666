//! A list file read into the list box: CSV or TXT (UTF-8, UTF-16 or GB18030, decoded the way
//! the whitelist import does) or the first sheet of an XLSX workbook (its cells joined by tabs,
//! as a spreadsheet paste gives them). The person then sees and can edit what was read before
//! reviewing it.

use partner_api::sheet::{decode_text, read_xlsx, Decoded, SheetError};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Larger than any list of 500 rows can be.
pub const MAX_FILE_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

#[derive(Debug, Clone, PartialEq)]
pub enum FileRefusal {
    TooLarge,
    Sheet(SheetError),
    /// The browser could not read the file (it was moved, or permission was withdrawn).
    Unreadable(String),
}

async fn bytes_of(file: &web_sys::File) -> Result<Vec<u8>, FileRefusal> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| FileRefusal::Unreadable(format!("{e:?}")))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn gb18030(bytes: &[u8]) -> Result<String, FileRefusal> {
    let decoder =
        web_sys::TextDecoder::new_with_label("gb18030").map_err(|e| FileRefusal::Unreadable(format!("{e:?}")))?;
    decoder.decode_with_u8_array(bytes).map_err(|e| FileRefusal::Unreadable(format!("{e:?}")))
}

/// The file as list text, and how many non-empty lines it has.
pub async fn read_list_file(file: web_sys::File) -> Result<(String, usize), FileRefusal> {
    if file.size() > MAX_FILE_BYTES {
        return Err(FileRefusal::TooLarge);
    }
    let bytes = bytes_of(&file).await?;
    let text = if bytes.starts_with(b"PK") || file.name().to_lowercase().ends_with(".xlsx") {
        let rows = read_xlsx(&bytes).map_err(FileRefusal::Sheet)?;
        rows.into_iter()
            .map(|cells| cells.join("\t"))
            .filter(|line| !line.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        match decode_text(bytes).map_err(FileRefusal::Sheet)? {
            Decoded::Text { text, .. } => text,
            Decoded::Legacy(bytes) => gb18030(&bytes)?,
        }
    };
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    Ok((text, lines))
}

/// The file input an `input`/`change` event came from.
pub fn input_of(ev: &leptos::ev::Event) -> Option<web_sys::HtmlInputElement> {
    ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
}
