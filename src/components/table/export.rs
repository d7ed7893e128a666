//! CSV and XLSX export of everything the current filter matches — every page, not the
//! visible one — in the current sort, with the visible columns in their order and headers in
//! the current language (in a CSV an amount is a plain number followed by a currency column). Server sources are streamed through the API's pagination (100 rows
//! per call) with a progress bar and Cancel; client rows are written in chunks so the page
//! stays responsive. The CSV text (BOM, quoting, formula neutralisation) comes from
//! `partner_api::csv`; the workbook from `partner_api::sheet` (typed cells: amounts and
//! numbers are numbers, dates are dates, text is never a formula). The file is handed over as
//! a Blob through an object URL (no inline script, fine under `script-src 'self'`).

use super::column::Column;
use super::source::{for_each_page, Loader, SortKey};
use crate::i18n::{CurrencyOf, Locale};
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::csv::{self, CsvWriter};
use partner_api::sheet::XlsxWriter;
use partner_api::ApiError;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};

/// The file type of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

/// What an export writes: the type, the file's name (the table's id; a time stamp is added),
/// the sheet's name (the table's title in the current language) and whether personal data is
/// written in full (an explicit choice; masked otherwise).
pub struct File {
    pub format: Format,
    pub name: String,
    pub sheet: String,
    pub full: bool,
}

/// Where exported rows go: a CSV text (with a reused buffer for one record's values) or a
/// workbook.
enum Sink {
    Csv(CsvWriter, Vec<csv::Value>),
    Xlsx(XlsxWriter),
}

impl Sink {
    fn new<T>(format: Format, cols: &[Column<T>], visible: &[usize], l: Locale) -> Self {
        let header = visible.iter().map(|&i| cols[i].header.text(l));
        match format {
            // An amount column is followed by its currency's (`Column::csv_of`).
            Format::Csv => Sink::Csv(
                CsvWriter::new(visible.iter().flat_map(|&i| {
                    let name = cols[i].header.text(l);
                    let currency = cols[i].csv_money().then(|| CurrencyOf { col: &name }.text(l));
                    std::iter::once(name.to_string()).chain(currency)
                })),
                Vec::new(),
            ),
            Format::Xlsx => Sink::Xlsx(XlsxWriter::new(header)),
        }
    }

    fn record<T>(&mut self, cols: &[Column<T>], visible: &[usize], row: &T, l: Locale, full: bool) {
        match self {
            Sink::Csv(w, values) => {
                values.clear();
                for &i in visible {
                    cols[i].csv_of(row, l, full, values);
                }
                w.record_values(values.iter());
            }
            Sink::Xlsx(w) => w.row(&visible.iter().map(|&i| cols[i].cell_of(row, l, full)).collect::<Vec<_>>()),
        }
    }

    fn records(&self) -> u64 {
        match self {
            Sink::Csv(w, _) => w.records(),
            Sink::Xlsx(w) => w.records(),
        }
    }
}

/// Client rows written between two pauses.
const CHUNK: usize = 2000;

#[derive(Debug, Clone, PartialEq)]
pub enum Progress {
    Idle,
    /// Rows written so far, of the total (once known).
    Running {
        done: u64,
        total: Option<u64>,
    },
    Done(u64),
    Failed(ApiError),
    Cancelled,
}

/// One export at a time; a newer run or Cancel ends the current one.
#[derive(Clone, Copy)]
pub struct Export {
    pub progress: RwSignal<Progress>,
    run: StoredValue<u64>,
}

impl Export {
    pub fn new() -> Self {
        Export { progress: RwSignal::new(Progress::Idle), run: StoredValue::new(0) }
    }

    pub fn running(&self) -> bool {
        self.progress.with(|p| matches!(p, Progress::Running { .. }))
    }

    fn begin(&self) -> u64 {
        let mine = self.run.get_value() + 1;
        self.run.set_value(mine);
        self.progress.set(Progress::Running { done: 0, total: None });
        mine
    }

    /// False once the run was cancelled, superseded, or the table is gone.
    fn alive(&self, mine: u64) -> bool {
        self.run.try_get_value() == Some(mine)
    }

    pub fn cancel(&self) {
        self.run.update_value(|r| *r += 1);
        self.progress.set(Progress::Cancelled);
    }

    /// Streams every page of a server source into a file.
    pub fn server<T: Send + Sync + 'static>(
        self,
        load: Loader<T>,
        sort: Vec<SortKey>,
        columns: StoredValue<Vec<Column<T>>>,
        visible: Vec<usize>,
        l: Locale,
        file: File,
    ) {
        let mine = self.begin();
        let Some(mut w) = columns.try_with_value(|cols| Sink::new(file.format, cols, &visible, l)) else { return };
        spawn_local(async move {
            let result = for_each_page(
                &load,
                sort,
                |rows, done, total| {
                    columns.try_with_value(|cols| {
                        for r in &rows {
                            w.record(cols, &visible, r, l, file.full);
                        }
                    });
                    self.progress.try_set(Progress::Running { done, total: Some(total) });
                },
                || self.alive(mine),
            )
            .await;
            match result {
                Ok(Some(_)) if self.alive(mine) => finish(self, w, &file),
                Ok(_) => {}
                Err(e) => {
                    if self.alive(mine) {
                        self.progress.try_set(Progress::Failed(e));
                    }
                }
            }
        });
    }

    /// Writes client rows (in their filtered, sorted order) into a file.
    pub fn client<T: Send + Sync + 'static>(
        self,
        rows: Arc<Vec<T>>,
        order: Arc<Vec<u32>>,
        columns: StoredValue<Vec<Column<T>>>,
        visible: Vec<usize>,
        l: Locale,
        file: File,
    ) {
        let mine = self.begin();
        let Some(mut w) = columns.try_with_value(|cols| Sink::new(file.format, cols, &visible, l)) else { return };
        let total = order.len() as u64;
        spawn_local(async move {
            for chunk in order.chunks(CHUNK) {
                if !self.alive(mine) {
                    return;
                }
                let written = columns.try_with_value(|cols| {
                    for &i in chunk {
                        w.record(cols, &visible, &rows[i as usize], l, file.full);
                    }
                });
                if written.is_none() {
                    return;
                }
                self.progress.try_set(Progress::Running { done: w.records(), total: Some(total) });
                gloo_timers::future::TimeoutFuture::new(0).await;
            }
            if self.alive(mine) {
                finish(self, w, &file);
            }
        });
    }
}

fn finish(export: Export, w: Sink, file: &File) {
    let n = w.records();
    let now = crate::format::now();
    let local = now.with_timezone(&partner_api::time::offset(crate::format::zone_offset_minutes(&now))).naive_local();
    // `<name>-YYYYMMDD-HHMM.csv`, or the same name ending in .xlsx.
    let csv_name = csv::file_name(&file.name, &local);
    let saved = match w {
        Sink::Csv(w, _) => download(&w.finish(), &csv_name),
        Sink::Xlsx(w) => {
            let stem = csv_name.trim_end_matches(".csv");
            download_bytes(&w.finish(&file.sheet), XLSX_TYPE, &format!("{stem}.xlsx"))
        }
    };
    match saved {
        Ok(()) => export.progress.try_set(Progress::Done(n)),
        Err(e) => export.progress.try_set(Progress::Failed(ApiError::network(format!("{e:?}")))),
    };
}

pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Saves text as a UTF-8 CSV file through a Blob and a temporary object URL.
pub fn download(text: &str, file_name: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    // The BOM at the start tells spreadsheets the encoding; the name gives the type.
    let blob = web_sys::Blob::new_with_str_sequence(&parts)?;
    save_blob(&blob, file_name)
}

/// Saves bytes of this MIME type as a file.
pub fn download_bytes(bytes: &[u8], mime: &str, file_name: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    save_blob(&blob, file_name)
}

fn save_blob(blob: &web_sys::Blob, file_name: &str) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let doc = document();
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(file_name);
    let body = doc.body().ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    // Give the browser time to start the download before the URL goes.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(30),
    );
    Ok(())
}
