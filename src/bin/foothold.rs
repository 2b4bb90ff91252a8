//! The pack maintainers' command-line tool: check a pack folder, print a route, or write
//! the pack JSON Schema, all without a browser.

// A command-line tool has no place in the browser, but cargo builds every binary for the
// wasm browser tests, so it compiles to nothing there.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use foothold::graph::{source::read_pack_folder, validate_pack, Pack};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "\
Usage:
  foothold check [DIR]           check a pack folder (default data/) and print its counts
  foothold route FROM TO [DIR]   print the best route between two role ids
  foothold schema                print the JSON Schema of a pack";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check(args.get(1).map(String::as_str).unwrap_or("data")),
        Some("schema") => schema(),
        Some("help") | Some("--help") | Some("-h") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn load(folder: &str) -> Result<Pack, ExitCode> {
    read_pack_folder(Path::new(folder)).map_err(|errors| {
        for error in &errors {
            eprintln!("error: {folder}/{error}");
        }
        eprintln!("{} file(s) could not be read", errors.len());
        ExitCode::FAILURE
    })
}

fn check(folder: &str) -> ExitCode {
    let pack = match load(folder) {
        Ok(pack) => pack,
        Err(code) => return code,
    };
    let entry_roles = pack.roles.iter().filter(|role| role.entry).count();
    println!("{} {}", pack.info.title, pack.info.data_version);
    println!("roles:                     {}", pack.roles.len());
    println!("  of which entry roles:    {entry_roles}");
    println!("transitions:               {}", pack.transitions.len());
    println!("development opportunities: {}", pack.opportunities.len());
    println!("competencies:              {}", pack.competencies.len());
    let problems = validate_pack(&pack);
    for problem in &problems {
        match &problem.file {
            Some(_) => eprintln!("error: {folder}/{problem}"),
            None => eprintln!("error: {problem}"),
        }
    }
    if problems.is_empty() {
        println!("no problems found");
        ExitCode::SUCCESS
    } else {
        eprintln!("{} problem(s) found", problems.len());
        ExitCode::FAILURE
    }
}

fn schema() -> ExitCode {
    let schema = schemars::schema_for!(Pack);
    match serde_json::to_string_pretty(&schema) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
