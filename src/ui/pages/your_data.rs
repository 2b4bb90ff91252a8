//! Your data: export everything, import a file (chosen or dropped) after a preview,
//! restore an earlier saved version, see whether the browser will keep the data, and
//! export anything that had to be put aside because it could not be read.

use crate::share::{
    apply, export_all, parse_import, ImportError, ImportMode, ImportPreview, MAX_IMPORT_BYTES,
};
use crate::store::{persisted, request_persistence, Persistence, QuarantinedCopy};
use crate::ui::components::app_link;
use crate::ui::context::use_graph;
use crate::ui::format::count;
use crate::ui::hooks::browser::{download, download_export, now, read_file, FileReadError};
use crate::ui::hooks::{use_page, use_store};
use crate::ui::routes::Route;
use crate::ui::state::{use_app, Action};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Where an import is up to.
#[derive(Clone, PartialEq)]
enum ImportStage {
    /// Nothing chosen yet.
    Idle,
    /// Reading the file.
    Reading(String),
    /// Read and checked; waiting for the user's choice.
    Preview(String, Rc<ImportPreview>),
    /// The file cannot be imported; says why.
    Problem(String),
}

/// The "Your data" screen.
#[function_component(YourDataPage)]
pub fn your_data_page() -> Html {
    let heading = use_page(&Route::YourData);
    let graph = use_graph();
    let app = use_app();
    let store = use_store();
    let stage = use_state(|| ImportStage::Idle);
    let dragging = use_state(|| false);
    let persistence = use_state(|| None::<Persistence>);
    let refresh = use_state(|| 0u32);

    {
        let persistence = persistence.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                persistence.set(Some(persisted().await));
            });
        });
    }

    let (Some(graph), Some(app), Some(store)) = (graph, app, store) else {
        return Html::default();
    };
    let data_version = graph.info().data_version.clone();

    let on_export = {
        let app = app.clone();
        let data_version = data_version.clone();
        Callback::from(move |_: MouseEvent| {
            let now = now();
            let file = export_all(&app.data, &data_version, now);
            match download_export(&file) {
                Ok(()) => {
                    app.dispatch(Action::MarkExported(now));
                    app.dispatch(Action::Announce(format!("Downloaded {}.", file.file_name)));
                }
                Err(reason) => app.dispatch(Action::Notify(reason)),
            }
        })
    };

    // Reading and checking a file, from the file input or a drop.
    let take_file = {
        let stage = stage.clone();
        Callback::from(move |file: web_sys::File| {
            let name = file.name();
            stage.set(ImportStage::Reading(name.clone()));
            let stage = stage.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let next = match read_file(file, MAX_IMPORT_BYTES).await {
                    Ok(bytes) => match parse_import(&bytes) {
                        Ok(preview) => ImportStage::Preview(name, Rc::new(preview)),
                        Err(error) => ImportStage::Problem(error.to_string()),
                    },
                    Err(FileReadError::TooBig(bytes)) => {
                        ImportStage::Problem(ImportError::TooBig { bytes }.to_string())
                    }
                    Err(FileReadError::Unreadable) => ImportStage::Problem(
                        "The file could not be read. It may have been moved or deleted: choose it again.".to_owned(),
                    ),
                };
                stage.set(next);
            });
        })
    };
    let on_file = {
        let take_file = take_file.clone();
        Callback::from(move |event: Event| {
            let input = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok());
            if let Some(input) = input {
                if let Some(file) = input.files().and_then(|files| files.get(0)) {
                    take_file.emit(file);
                }
                // Lets the same file be chosen again after a Cancel.
                input.set_value("");
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        let take_file = take_file.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            if let Some(file) = event
                .data_transfer()
                .and_then(|transfer| transfer.files())
                .and_then(|files| files.get(0))
            {
                take_file.emit(file);
            }
        })
    };
    let finish_import = {
        let app = app.clone();
        let stage = stage.clone();
        Callback::from(move |mode: ImportMode| {
            if let ImportStage::Preview(_, preview) = &*stage {
                let data = match apply(&app.data, preview, mode) {
                    Ok(data) => data,
                    Err(error) => {
                        stage.set(ImportStage::Problem(error.to_string()));
                        return;
                    }
                };
                let plans = count(preview.plan_count(), "plan", "plans");
                app.dispatch(Action::ReplaceData(data));
                app.dispatch(Action::Notify(match mode {
                    ImportMode::ReplaceAll => {
                        format!("Imported {plans}, replacing what was saved.")
                    }
                    ImportMode::AddAsCopies => {
                        format!("Imported {plans} as copies alongside your own.")
                    }
                }));
            }
            stage.set(ImportStage::Idle);
        })
    };
    let on_cancel = {
        let stage = stage.clone();
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            stage.set(ImportStage::Idle);
            app.dispatch(Action::Announce(
                "Import cancelled. Nothing was changed.".to_owned(),
            ));
        })
    };

    let import_status = match &*stage {
        ImportStage::Idle => Html::default(),
        ImportStage::Reading(name) => html! { <p role="status">{ format!("Reading {name}…") }</p> },
        ImportStage::Problem(message) => html! {
            <div class="fh-alert fh-alert--error" role="alert">
                <h3 class="fh-alert__heading">{ "That file was not imported" }</h3>
                <p>{ message.clone() }</p>
            </div>
        },
        ImportStage::Preview(name, preview) => {
            let replace = finish_import.reform(|_: MouseEvent| ImportMode::ReplaceAll);
            let add = finish_import.reform(|_: MouseEvent| ImportMode::AddAsCopies);
            html! {
                <section class="fh-card" aria-labelledby="import-preview-heading">
                    <h3 class="fh-card__heading" id="import-preview-heading">{ format!("Import {name}?") }</h3>
                    <p>{ preview.summary() }</p>
                    if preview.plan_count() > 0 {
                        <ul class="fh-list-compact">
                            { for preview.plan_names().into_iter().map(|plan| html! { <li>{ plan.to_owned() }</li> }) }
                        </ul>
                    }
                    if preview.migrated {
                        <p>{ "The file was made by an older version of Foothold; it will be brought up to date." }</p>
                    }
                    <p>{ format!("You have {} saved now. “Replace all” swaps them for the file's; “Add as copies” keeps yours and adds the file's beside them.",
                        count(app.data.plans.len(), "plan", "plans")) }</p>
                    <div class="fh-button-group">
                        <button type="button" class="fh-button" onclick={replace}>{ "Replace all" }</button>
                        <button type="button" class="fh-button fh-button--secondary" onclick={add}>{ "Add as copies" }</button>
                        <button type="button" class="fh-button fh-button--link" onclick={on_cancel}>{ "Cancel" }</button>
                    </div>
                </section>
            }
        }
    };

    // Backups and put-aside copies, read fresh each render (they change when saving).
    let _ = *refresh;
    let backups = store.0.borrow().backups().unwrap_or_default();
    let quarantined: Vec<QuarantinedCopy> = store.0.borrow().quarantined().unwrap_or_default();

    let persistence_view = match *persistence {
        None => {
            html! { <p role="status">{ "Checking whether this browser will keep your data…" }</p> }
        }
        Some(Persistence::Persisted) => html! {
            <>
                <p><strong>{ "Your browser has agreed to keep Foothold's data." }</strong></p>
                <p>{ Persistence::Persisted.message() }</p>
            </>
        },
        Some(other) => {
            let ask = {
                let persistence = persistence.clone();
                Callback::from(move |_: MouseEvent| {
                    let persistence = persistence.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        persistence.set(Some(request_persistence().await));
                    });
                })
            };
            html! {
                <>
                    <p><strong>{ "Your browser has not agreed to keep Foothold's data." }</strong></p>
                    <p>{ other.message() }</p>
                    if other == Persistence::NotPersisted {
                        <button type="button" class="fh-button fh-button--secondary" onclick={ask}>{ "Ask the browser to keep Foothold's data" }</button>
                    }
                </>
            }
        }
    };

    html! {
        <>
            <h1 class="fh-heading-xl" tabindex="-1" ref={heading}>{ "Your data" }</h1>
            <p class="fh-lead">{ "Your plans live only in this browser on this device. Export them to keep a copy or to move them to another device." }</p>
            if store.in_memory_only() {
                <div class="fh-alert fh-alert--warning">
                    <h2 class="fh-alert__heading">{ "Nothing is being kept" }</h2>
                    <p>{ "This browser is not letting Foothold store data, so your plans will be lost when you close the page. Export them before you go." }</p>
                </div>
            }

            <section class="fh-section" aria-labelledby="export-heading">
                <h2 class="fh-heading-l" id="export-heading">{ "Export" }</h2>
                <p>{ format!("Download a file with your {}, the skills you have ticked and your evidence log.", count(app.data.plans.len(), "plan", "plans")) }</p>
                <button type="button" class="fh-button" onclick={on_export}>{ "Export all your data" }</button>
            </section>

            <section class="fh-section" aria-labelledby="import-heading">
                <h2 class="fh-heading-l" id="import-heading">{ "Import" }</h2>
                <p>{ "Bring in a file Foothold exported, from this device or another. You will see what it holds before anything changes." }</p>
                <div class={classes!("fh-drop-zone", dragging.then_some("fh-drop-zone--active"))}
                    ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                    <label class="fh-label" for="import-file">{ "Choose a file to import" }</label>
                    <div class="fh-hint" id="import-file-hint">{ "Or drop the file here. Foothold files end in .json." }</div>
                    <input class="fh-input" id="import-file" type="file" accept=".json,application/json"
                        aria-describedby="import-file-hint" onchange={on_file} />
                </div>
                { import_status }
            </section>

            <section class="fh-section" aria-labelledby="backups-heading">
                <h2 class="fh-heading-l" id="backups-heading">{ "Earlier saved versions" }</h2>
                if backups.is_empty() {
                    <p>{ "None yet. Foothold keeps your last few saved versions here as you work." }</p>
                } else {
                    <p>{ "Restoring a version makes it your current data. What you have now is kept as a saved version, so you can change your mind." }</p>
                    <ul class="fh-evidence-list">
                        { for backups.iter().map(|backup| {
                            let when = backup.saved_at.map_or_else(|| "at an unknown time".to_owned(), |at| format!("{} at {} UTC", crate::ui::format::long_date(at.date()), at.to_string().get(11..16).unwrap_or("")));
                            let position = backup.position;
                            let restore = {
                                let app = app.clone();
                                let store = store.clone();
                                let refresh = refresh.clone();
                                let when = when.clone();
                                Callback::from(move |_: MouseEvent| {
                                    let found = store.0.borrow().backup(position);
                                    match found {
                                        Ok(decoded) => {
                                            app.dispatch(Action::ReplaceData(decoded.data));
                                            app.dispatch(Action::Notify(format!("Restored the version saved {when}.")));
                                        }
                                        Err(error) => app.dispatch(Action::Notify(error.to_string())),
                                    }
                                    refresh.set(*refresh + 1);
                                })
                            };
                            html! {
                                <li>
                                    <p><strong>{ format!("Saved {when}") }</strong></p>
                                    if backup.readable {
                                        <p>{ format!("{}{}", count(backup.plan_count, "plan", "plans"),
                                            if backup.plan_names.is_empty() { String::new() } else { format!(": {}", backup.plan_names.join(", ")) }) }</p>
                                        <button type="button" class="fh-button fh-button--secondary" onclick={restore}>
                                            { "Restore" }<span class="fh-visually-hidden">{ format!(" the version saved {when}") }</span>
                                        </button>
                                    } else {
                                        <p>{ "This version cannot be read." }</p>
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                }
            </section>

            <section class="fh-section" aria-labelledby="storage-heading">
                <h2 class="fh-heading-l" id="storage-heading">{ "Keeping your data" }</h2>
                { persistence_view }
            </section>

            if !quarantined.is_empty() {
                <section class="fh-section" aria-labelledby="quarantine-heading">
                    <h2 class="fh-heading-l" id="quarantine-heading">{ "Data that could not be read" }</h2>
                    <p>{ "Foothold found saved data it could not open and put it aside exactly as it was, rather than delete it. Export it to keep it or to get help recovering it." }</p>
                    <ul class="fh-evidence-list">
                        { for quarantined.iter().enumerate().map(|(index, copy)| {
                            let export = {
                                let app = app.clone();
                                let copy = copy.clone();
                                Callback::from(move |_: MouseEvent| {
                                    let name = format!("foothold-unreadable-{}.json", index + 1);
                                    match download(&name, "application/json", &copy.text) {
                                        Ok(()) => app.dispatch(Action::Announce(format!("Downloaded {name}."))),
                                        Err(reason) => app.dispatch(Action::Notify(reason)),
                                    }
                                })
                            };
                            html! {
                                <li>
                                    <p>{ format!("Copy {} ({})", index + 1, count(copy.text.chars().count(), "character", "characters")) }</p>
                                    <button type="button" class="fh-button fh-button--secondary" onclick={export}>
                                        { "Export it" }<span class="fh-visually-hidden">{ format!(" (copy {})", index + 1) }</span>
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }
            <p>{ app_link(&Route::About, "Where the role data comes from") }</p>
        </>
    }
}
