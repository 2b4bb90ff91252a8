//! Compiles the bundled role pack (the TOML files under `data/`) into compact JSON that
//! the app embeds, and the role index the start screen reads (`RoleIndex`, as the
//! tab-separated lines of `src/graph/index_lines.rs`). A pack that does not parse fails
//! the build with the file and line; the tests then run the full validator over the
//! same bytes.

#![allow(dead_code)]

#[path = "src/graph/funding.rs"]
mod funding;
#[path = "src/graph/index_lines.rs"]
mod index_lines;
#[path = "src/graph/model.rs"]
mod model;
#[path = "src/graph/source.rs"]
mod source;

use std::path::Path;

fn main() {
    // FOOTHOLD_PACK_DIR lets a pack maintainer build the app around another pack folder.
    println!("cargo:rerun-if-env-changed=FOOTHOLD_PACK_DIR");
    let folder_name = std::env::var("FOOTHOLD_PACK_DIR").unwrap_or_else(|_| "data".to_owned());
    let folder = Path::new(&folder_name);
    println!("cargo:rerun-if-changed={folder_name}");
    match source::source_files(folder) {
        Ok(files) => {
            for file in files {
                println!("cargo:rerun-if-changed={}", file.display());
            }
        }
        Err(error) => panic!("the bundled pack cannot be read: {error}"),
    }
    let pack = match source::read_pack_folder(folder) {
        Ok(pack) => pack,
        Err(errors) => {
            let list: Vec<String> = errors
                .iter()
                .map(|e| format!("  {folder_name}/{e}"))
                .collect();
            panic!("the bundled pack does not parse:\n{}", list.join("\n"));
        }
    };
    let json = match serde_json::to_string(&pack) {
        Ok(json) => json,
        Err(error) => panic!("the bundled pack cannot be encoded: {error}"),
    };
    let index = match index_lines::to_lines(&model::RoleIndex::of_pack(&pack)) {
        Ok(lines) => lines,
        Err(error) => panic!("the role index cannot be encoded: {error}"),
    };
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| panic!("cargo sets OUT_DIR"));
    for (name, contents) in [("pack.json", json), ("role-index.txt", index)] {
        let target = Path::new(&out_dir).join(name);
        if let Err(error) = std::fs::write(&target, contents) {
            panic!("cannot write {}: {error}", target.display());
        }
    }
}
