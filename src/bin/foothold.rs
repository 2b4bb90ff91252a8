//! The pack maintainers' command-line tool: check a pack folder, print a route, or write
//! the pack JSON Schema, all without a browser.

// A command-line tool has no place in the browser, but cargo builds every binary for the
// wasm browser tests, so it compiles to nothing there.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use foothold::graph::audit::Audit;
use foothold::graph::{
    describe_month_range, source::read_pack_folder, validate_pack, Band, Pack, RoleGraph, RoleId,
};
use foothold::planner::hubs::{hub_report, HUB_SHARE_PERCENT};
use foothold::planner::journeys::{check_all, JourneyFile};
use foothold::planner::{
    audit_markdown, find_routes, Objective, Route, RouteQuery, RouteStep, SelfAssessment,
    MAX_ROUTES,
};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "\
Usage:
  foothold check [DIR]           check a pack folder (default data/), print its counts and
                                 run the adviser's journeys in DIR/journeys.toml
  foothold route FROM TO [DIR]   print the best route between two role ids
  foothold hubs [DIR]            list the roles that most best routes pass through
  foothold compile [DIR]         print the pack as the compact JSON the app embeds
  foothold audit [DIR]           print the pack audit (grades, sources, notes, busiest
                                 roles) as Markdown, as committed in data/AUDIT.md
  foothold schema [journeys]     print the JSON Schema of a pack (or of a journeys file)

Options for route:
  --routes N                     also print alternatives, up to N routes (1 to 10)
  --objective time|steps|competencies
                                 rank by shortest time (default), fewest steps or
                                 fewest competencies to gain
  --via ROLE                     pass through a role
  --avoid ROLE                   never pass through a role (repeatable)
  --ceiling BAND                 stay at or below a band (2 to 9, 8a to 8d, vsm)
  --sourced-only                 use only moves whose evidence is sourced
  --held COMPETENCY              a competency you hold (repeatable)
  --completed OPPORTUNITY        a development opportunity you completed (repeatable)
  --holding CREDENTIAL           a registration or qualification you hold (repeatable)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check(args.get(1).map(String::as_str).unwrap_or("data")),
        Some("route") => match RouteArgs::parse(&args[1..]) {
            Ok(route_args) => route(&route_args),
            Err(message) => {
                eprintln!("error: {message}\n\n{USAGE}");
                ExitCode::from(2)
            }
        },
        Some("schema") => schema(args.get(1).map(String::as_str)),
        Some("hubs") => hubs(args.get(1).map(String::as_str).unwrap_or("data")),
        Some("compile") => compile(args.get(1).map(String::as_str).unwrap_or("data")),
        Some("audit") => audit(args.get(1).map(String::as_str).unwrap_or("data")),
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
    // The app embeds the pack as compact JSON, so this is what it adds to the download.
    if let Ok(json) = serde_json::to_string(&pack) {
        println!("compact JSON size:         {} bytes", json.len());
    }
    let problems = validate_pack(&pack);
    for problem in &problems {
        match &problem.file {
            Some(_) => eprintln!("error: {folder}/{problem}"),
            None => eprintln!("error: {problem}"),
        }
    }
    if !problems.is_empty() {
        eprintln!("{} problem(s) found", problems.len());
        return ExitCode::FAILURE;
    }
    println!("no problems found");
    let journeys_file = Path::new(folder).join("journeys.toml");
    if !journeys_file.exists() {
        return ExitCode::SUCCESS;
    }
    let journeys = match read_journeys(&journeys_file) {
        Ok(journeys) => journeys,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    let graph = match RoleGraph::new(pack) {
        Ok(graph) => graph,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let outcomes = check_all(&graph, &journeys.journey);
    let broken: Vec<_> = outcomes
        .iter()
        .filter_map(|(journey, outcome)| outcome.as_ref().err().map(|faults| (journey, faults)))
        .collect();
    for (journey, faults) in &broken {
        for fault in *faults {
            eprintln!("journey {}: {fault}", journey.label());
        }
    }
    println!(
        "journeys:                  {} of {} hold",
        outcomes.len() - broken.len(),
        outcomes.len()
    );
    if broken.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn read_journeys(file: &Path) -> Result<JourneyFile, String> {
    let text = std::fs::read_to_string(file)
        .map_err(|error| format!("{}: cannot read the file: {error}", file.display()))?;
    toml::from_str(&text)
        .map_err(|error| format!("{}: {}", file.display(), error.to_string().trim_end()))
}

/// Loads a pack folder into a validated graph, saying what is wrong when it is not.
fn load_graph(folder: &str) -> Result<RoleGraph, ExitCode> {
    let pack = load(folder)?;
    RoleGraph::new(pack).map_err(|error| {
        eprintln!("error: {error}: run `foothold check {folder}`");
        ExitCode::FAILURE
    })
}

fn hubs(folder: &str) -> ExitCode {
    let graph = match load_graph(folder) {
        Ok(graph) => graph,
        Err(code) => return code,
    };
    let report = hub_report(&graph);
    println!(
        "{} best routes, from every entry role to every role it reaches",
        report.routes
    );
    println!("roles passed through by more than {HUB_SHARE_PERCENT}% of them are marked !");
    for hub in report.hubs.iter().take(20) {
        let mark = if report.percent(hub) > HUB_SHARE_PERCENT {
            "!"
        } else {
            " "
        };
        let title = graph.role(&hub.role).map_or("", |role| role.title.as_str());
        println!(
            "{mark} {:>3}% {:>4}  {title} ({})",
            report.percent(hub),
            hub.routes_through,
            hub.role
        );
    }
    ExitCode::SUCCESS
}

fn audit(folder: &str) -> ExitCode {
    let graph = match load_graph(folder) {
        Ok(graph) => graph,
        Err(code) => return code,
    };
    let audit = Audit::of(graph.pack());
    print!("{}", audit_markdown(audit, &graph));
    ExitCode::SUCCESS
}

fn compile(folder: &str) -> ExitCode {
    let pack = match load(folder) {
        Ok(pack) => pack,
        Err(code) => return code,
    };
    let problems = validate_pack(&pack);
    if !problems.is_empty() {
        for problem in &problems {
            eprintln!("error: {problem}");
        }
        eprintln!(
            "{} problem(s) found: run `foothold check {folder}`",
            problems.len()
        );
        return ExitCode::FAILURE;
    }
    match serde_json::to_string(&pack) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn schema(which: Option<&str>) -> ExitCode {
    let schema = match which {
        None | Some("pack") => schemars::schema_for!(Pack),
        Some("journeys") => schemars::schema_for!(JourneyFile),
        Some(other) => {
            eprintln!("error: no schema called `{other}`: use `pack` or `journeys`\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
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

/// What `foothold route` was asked for.
struct RouteArgs {
    folder: String,
    query: RouteQuery,
    assessment: SelfAssessment,
}

impl RouteArgs {
    fn parse(args: &[String]) -> Result<RouteArgs, String> {
        let mut positional = Vec::new();
        let mut routes = 1;
        let mut objective = Objective::ShortestTime;
        let mut query_constraints = foothold::planner::Constraints::default();
        let mut assessment = SelfAssessment::default();
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            let mut value = |flag: &str| {
                rest.next()
                    .cloned()
                    .ok_or_else(|| format!("{flag} needs a value"))
            };
            match arg.as_str() {
                "--routes" => {
                    let text = value("--routes")?;
                    routes = text
                        .parse::<usize>()
                        .ok()
                        .filter(|n| (1..=MAX_ROUTES).contains(n))
                        .ok_or_else(|| {
                            format!("--routes takes a number from 1 to {MAX_ROUTES}, not `{text}`")
                        })?;
                }
                "--objective" => {
                    objective = match value("--objective")?.as_str() {
                        "time" => Objective::ShortestTime,
                        "steps" => Objective::FewestSteps,
                        "competencies" => Objective::FewestNewCompetencies,
                        other => {
                            return Err(format!(
                                "--objective takes time, steps or competencies, not `{other}`"
                            ))
                        }
                    }
                }
                "--via" => query_constraints.via = Some(RoleId::new(value("--via")?)),
                "--avoid" => {
                    query_constraints
                        .avoid
                        .insert(RoleId::new(value("--avoid")?));
                }
                "--ceiling" => {
                    let band: Band = value("--ceiling")?.parse()?;
                    query_constraints.band_ceiling = Some(band);
                }
                "--sourced-only" => query_constraints.sourced_only = true,
                "--held" => {
                    assessment.held.insert(value("--held")?.as_str().into());
                }
                "--completed" => {
                    assessment
                        .completed
                        .insert(value("--completed")?.as_str().into());
                }
                "--holding" => {
                    assessment
                        .credentials
                        .insert(value("--holding")?.as_str().into());
                }
                flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
                _ => positional.push(arg.clone()),
            }
        }
        let (from, to, folder) = match positional.as_slice() {
            [from, to] => (from, to, "data".to_owned()),
            [from, to, folder] => (from, to, folder.clone()),
            _ => return Err("route needs FROM and TO role ids, and optionally DIR".to_owned()),
        };
        Ok(RouteArgs {
            folder,
            query: RouteQuery {
                from: RoleId::new(from.as_str()),
                to: RoleId::new(to.as_str()),
                objective,
                routes,
                constraints: query_constraints,
            },
            assessment,
        })
    }
}

fn route(args: &RouteArgs) -> ExitCode {
    let pack = match load(&args.folder) {
        Ok(pack) => pack,
        Err(code) => return code,
    };
    let graph = match RoleGraph::new(pack) {
        Ok(graph) => graph,
        Err(error) => {
            eprintln!("error: {error}");
            eprintln!("run `foothold check {}` for every problem", args.folder);
            return ExitCode::FAILURE;
        }
    };
    match find_routes(&graph, &args.query, &args.assessment) {
        Ok(routes) => {
            let title = |id: &RoleId| role_title(&graph, id);
            println!(
                "{} to {}: {} route(s), best first",
                title(&args.query.from),
                title(&args.query.to),
                routes.len()
            );
            for (number, found) in routes.iter().enumerate() {
                println!();
                print_route(&graph, number + 1, found);
            }
            ExitCode::SUCCESS
        }
        Err(answer) => {
            eprintln!("{}", answer.message());
            if !answer.nearest().is_empty() {
                eprintln!("Nearest roles you can reach:");
                for id in answer.nearest() {
                    eprintln!("  - {} ({id})", role_title(&graph, id));
                }
            }
            ExitCode::FAILURE
        }
    }
}

fn role_title(graph: &RoleGraph, id: &RoleId) -> String {
    graph
        .role(id)
        .map_or_else(|| id.to_string(), |role| role.title.clone())
}

fn print_route(graph: &RoleGraph, number: usize, found: &Route) {
    let totals = &found.totals;
    println!(
        "Route {number}: {} step(s), {} for you",
        totals.steps, totals.months
    );
    let bands: Vec<String> = totals.band_path.iter().map(ToString::to_string).collect();
    println!("  Bands: {}", bands.join(" -> "));
    println!(
        "  Competencies to gain: {}. Weakest evidence: {}.",
        totals.competencies_to_gain,
        totals.weakest_evidence.label()
    );
    let afford = foothold::planner::Affordability::of_route(graph, found);
    println!(
        "  Degree: {} Cost to you: {}.",
        afford.degree_sentence(graph),
        afford
            .headline()
            .map_or("no training listed", |cost| cost.label())
            .to_lowercase()
    );
    for (index, step) in found.steps.iter().enumerate() {
        print_step(graph, index + 1, step);
    }
}

fn print_step(graph: &RoleGraph, number: usize, step: &RouteStep) {
    let with_bands = |id: &RoleId| match graph.role(id) {
        Some(role) => format!("{} ({})", role.title, role.bands),
        None => id.to_string(),
    };
    println!(
        "  {number}. {} to {}",
        with_bands(&step.from),
        with_bands(&step.to)
    );
    let (pack, yours) = (step.months, step.personalised_months);
    if pack == yours {
        println!("     Time: {pack}");
    } else {
        println!(
            "     Time: {} for you ({} typically)",
            describe_month_range(yours.min, yours.max),
            pack
        );
    }
    println!("     Evidence: {}", step.evidence.label());
    let credential = |id: &foothold::graph::CredentialId| {
        graph
            .credential(id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    };
    if !step.relies_on.is_empty() {
        let names: Vec<String> = step.relies_on.iter().map(credential).collect();
        let joined = if step.relies_on_one_of {
            format!("one of: {}", names.join("; "))
        } else {
            names.join("; ")
        };
        println!("     Relies on: {joined}");
    }
    if !step.gains_credentials.is_empty() {
        let names: Vec<String> = step.gains_credentials.iter().map(credential).collect();
        println!("     Gives you: {}", names.join("; "));
    }
    let competency = |id: &foothold::graph::CompetencyId| {
        graph
            .competency(id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    };
    if !step.to_gain.is_empty() {
        let names: Vec<String> = step.to_gain.iter().map(competency).collect();
        println!("     To gain: {}", names.join("; "));
    }
    if !step.already_held.is_empty() {
        let names: Vec<String> = step.already_held.iter().map(competency).collect();
        println!("     Already held: {}", names.join("; "));
    }
    if !step.opportunities.is_empty() {
        let titles: Vec<String> = step
            .opportunities
            .iter()
            .map(|id| {
                graph.opportunity(id).map_or_else(
                    || id.to_string(),
                    |o| format!("{} ({})", o.title, o.to_you.label().to_lowercase()),
                )
            })
            .collect();
        println!("     Helps: {}", titles.join("; "));
    }
    for action in &step.actions {
        println!("     First: {action}");
    }
    if let Some(note) = &step.note {
        println!("     Note: {note}");
    }
    for source in &step.sources {
        println!("     Source: {}", source.url());
    }
}
