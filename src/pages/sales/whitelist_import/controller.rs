//! The import flow's controller: the state (`state::Flow`) and the few signals the views need
//! besides it, and every move from one state to the next. Reading happens in the worker
//! (`reader.rs`), uploading in `upload.rs`.

use super::mapping_memory::{remember_mapping, remembered_mapping};
use super::reader::{read_in_worker, FileRead, ReadProgress};
use super::state::{Flow, Refusal, Rows, Shared};
use crate::api::Api;
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::whitelist::change;
use partner_api::whitelist_file::{self, FileProblem, Layout, Mapping};
use partner_api::whitelist_read::{Found, ReadOutcome, ReadRequest};
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct Import {
    pub flow: RwSignal<Flow>,
    pub file_name: RwSignal<Option<String>>,
    /// Where the table of the file as last read was found (sheets, sheet, header row and its
    /// cells), for the sheet and header-row choosers and the column mapping.
    pub layout: RwSignal<Found>,
    /// Which change the preview lists (`whitelist::change`).
    pub diff_tab: RwSignal<&'static str>,
    pub remark: RwSignal<String>,
    pub(super) api: StoredValue<Api, LocalStorage>,
    /// The chosen file, kept to read it again with another sheet or other columns.
    chosen: StoredValue<Option<web_sys::File>, LocalStorage>,
    /// The upload chunks (JSON arrays) as JS strings, cut by the worker.
    pub(super) chunks: StoredValue<Vec<wasm_bindgen::JsValue>, LocalStorage>,
    /// Which read is the latest: an earlier one that ends later is ignored.
    read_gen: StoredValue<u64>,
}

impl Import {
    pub fn new(api: Api) -> Self {
        Import {
            flow: RwSignal::new(Flow::Choosing),
            file_name: RwSignal::new(None),
            layout: RwSignal::new(Found::default()),
            diff_tab: RwSignal::new(change::ADDED),
            remark: RwSignal::new(String::new()),
            api: StoredValue::new_local(api),
            chosen: StoredValue::new_local(None),
            chunks: StoredValue::new_local(Vec::new()),
            read_gen: StoredValue::new(0),
        }
    }

    /// A file was chosen or dropped: refused by size before a byte is read, else read.
    pub fn take_file(self, file: web_sys::File) {
        let name = file.name();
        self.file_name.set(Some(name.clone()));
        self.layout.set(Found::default());
        if let Err(p) = whitelist_file::check_size(file.size() as u64) {
            self.chosen.set_value(None);
            self.read_gen.update_value(|g| *g += 1);
            self.flow.set(Flow::Refused(Refusal::Problem(p)));
            return;
        }
        self.chosen.set_value(Some(file));
        self.read(ReadRequest { name, sheet: None, layout: Layout::default() });
    }

    /// The sheet read so far, asked for again (`None` for a CSV, which has none).
    fn sheet(self) -> Option<usize> {
        self.layout.with_untracked(|l| (!l.sheets.is_empty()).then_some(l.sheet))
    }

    pub fn choose_sheet(self, index: usize) {
        let name = self.file_name.get_untracked().unwrap_or_default();
        self.read(ReadRequest { name, sheet: Some(index), layout: Layout::default() });
    }

    /// The header row chosen by the person (0-based).
    pub fn choose_header_row(self, row: usize) {
        let name = self.file_name.get_untracked().unwrap_or_default();
        let layout = Layout { header_row: Some(row), mapping: None };
        self.read(ReadRequest { name, sheet: self.sheet(), layout });
    }

    /// Columns chosen by hand (remembered for files with the same headers).
    pub fn apply_mapping(self, m: Mapping) {
        if !m.is_usable() {
            return;
        }
        let found = self.layout.get_untracked();
        remember_mapping(&found.headers, m);
        let name = self.file_name.get_untracked().unwrap_or_default();
        let layout = Layout { header_row: Some(found.header_row), mapping: Some(m) };
        self.read(ReadRequest { name, sheet: self.sheet(), layout });
    }

    /// Reads the chosen file in the worker; the page shows its progress meanwhile.
    fn read(self, req: ReadRequest) {
        let Some(file) = self.chosen.get_value() else { return };
        self.read_gen.update_value(|g| *g += 1);
        let gen = self.read_gen.get_value();
        self.flow.set(Flow::Reading { progress: None });
        spawn_local(async move {
            let latest = move || self.read_gen.try_get_value() == Some(gen);
            let progress = move |p: ReadProgress| {
                if latest() {
                    self.flow.try_set(Flow::Reading { progress: Some(p) });
                }
            };
            let mut result = read_in_worker(&file, &req, progress).await;
            // Headers not recognised but mapped by hand before: use that mapping again.
            if let Ok(FileRead {
                outcome: ReadOutcome::Problem { problem: FileProblem::NoKnownColumns { .. }, found },
                ..
            }) = &result
            {
                if let Some(m) = req.layout.mapping.is_none().then(|| remembered_mapping(&found.headers)).flatten() {
                    let layout = Layout { header_row: Some(found.header_row), mapping: Some(m) };
                    let again = ReadRequest {
                        sheet: Some(found.sheet).filter(|_| !found.sheets.is_empty()),
                        layout,
                        ..req.clone()
                    };
                    result = read_in_worker(&file, &again, progress).await;
                }
            }
            if !latest() {
                return;
            }
            let next = match result {
                Err(e) => Flow::Refused(Refusal::Unreadable(e)),
                Ok(FileRead { outcome: ReadOutcome::Read(summary), chunks }) => {
                    self.layout.try_set(summary.found.clone());
                    let chunk_count = chunks.len() as u32;
                    self.chunks.try_set_value(chunks);
                    let rows = Shared(Arc::new(Rows { summary, chunk_count }));
                    Flow::Read { rows, upload: super::state::Upload::Idle, staged: None }
                }
                Ok(FileRead { outcome: ReadOutcome::Problem { problem, found }, .. }) => {
                    self.layout.try_set(found);
                    Flow::Refused(Refusal::Problem(problem))
                }
                Ok(FileRead { outcome: ReadOutcome::Unreadable(e), .. }) => Flow::Refused(Refusal::Sheet(e)),
            };
            self.flow.try_set(next);
        });
    }
}
