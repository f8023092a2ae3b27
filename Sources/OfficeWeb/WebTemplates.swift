/// The pages' mustache templates, compiled into the binary (see README, "The web page"): the
/// daemon is one file that needs no resource folder beside it. `{{x}}` escapes HTML; `{{{x}}}`
/// is used only for markup the server built itself (the SVG charts, the page body, the status
/// table's name list, which `StatusTable` builds with `HTMLText` escaping).
enum WebTemplates {
    static let all: [String: String] = [
        "layout": layout, "statusMark": statusMark, "device": device, "login": login, "report": report,
        "devices": devices, "edit": edit, "message": message, "markForm": markForm,
        "discovery": OfficeWeb.discoveryTemplate,
    ]

    static let layout = """
    <!DOCTYPE html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    {{#refresh}}<meta http-equiv="refresh" content="{{refresh}}">{{/refresh}}
    <title>{{title}} — {{t.app}}</title>
    <link rel="stylesheet" href="/style.css">
    </head>
    <body>
    <header>
    <nav>
    <a href="/">{{t.nav.status}}</a> <a href="/devices">{{t.nav.devices}}</a> <a href="/report">{{t.nav.report}}</a> <a href="/discovery">{{t.nav.discovery}}</a>
    <span class="right">
    {{#user}}{{t.nav.signedIn}} <strong>{{user}}</strong> ({{role}})
    <form method="post" action="/logout" class="inline"><input type="hidden" name="csrf_token" value="{{csrf}}"><button>{{t.nav.logout}}</button></form>{{/user}}
    {{^user}}<a href="/login">{{t.nav.login}}</a>{{/user}}
    <a href="{{switchHref}}" lang="{{switchLang}}">{{t.nav.switch}}</a>
    </span>
    </nav>
    </header>
    <main>
    <h1>{{title}}</h1>
    {{#notice}}<p class="notice">{{notice}}</p>{{/notice}}
    {{{body}}}
    </main>
    </body>
    </html>

    """

    /// The status page's mark form; the counts and the table ahead of it are `StatusTable`'s.
    static let statusMark = """
    <h2 id="mark">{{t.mark.title}}</h2>
    {{#canMark}}
    <form method="post" action="/mark" class="mark">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <label>{{t.mark.device}} <input name="device" list="device-names" required maxlength="100"></label>
    {{{datalist}}}
    {{>markForm}}
    </form>
    {{/canMark}}
    {{^canMark}}<p><a href="/login">{{t.mark.login}}</a></p>{{/canMark}}

    """

    static let markForm = """
    <label>{{t.mark.condition}} <select name="condition">{{#conditionOptions}}<option value="{{value}}">{{label}}</option>{{/conditionOptions}}</select></label>
    <label>{{t.mark.note}} <input name="note" maxlength="2000"></label>
    <label>{{t.mark.by}} <input name="by" maxlength="100" value="{{user}}"></label>
    <button>{{t.mark.submit}}</button>
    """

    static let device = """
    {{#retired}}<p class="notice">{{t.device.retired}} {{retired}}</p>{{/retired}}
    <table class="facts">
    <tr><th>{{t.col.kind}}</th><td>{{kind}}</td></tr>
    <tr><th>{{t.col.address}}</th><td>{{address}}</td></tr>
    <tr><th>{{t.col.location}}</th><td>{{location}}</td></tr>
    <tr><th>{{t.col.condition}}</th><td class="c-{{conditionClass}}">{{condition}}</td></tr>
    <tr><th>{{t.col.state}}</th><td>{{state}} {{#since}}({{t.col.since}} {{since}}){{/since}}</td></tr>
    <tr><th>{{t.col.lastProbe}}</th><td>{{lastProbe}} {{rtt}}</td></tr>
    {{#note}}<tr><th>{{t.col.note}}</th><td>{{note}}</td></tr>{{/note}}
    {{#facts}}
    <tr><th>{{t.device.vendor}}</th><td>{{vendor}}</td></tr>
    <tr><th>{{t.device.model}}</th><td>{{model}}</td></tr>
    <tr><th>{{t.device.serial}}</th><td>{{serial}}</td></tr>
    <tr><th>{{t.device.firmware}}</th><td>{{firmware}}</td></tr>
    <tr><th>{{t.device.sysDescr}}</th><td class="descr">{{sysDescr}}</td></tr>
    <tr><th>{{t.device.reasons}}</th><td><ul>{{#reasons}}<li>{{.}}</li>{{/reasons}}</ul></td></tr>
    {{#pages}}<tr><th>{{t.device.pages}}</th><td>{{pages}}</td></tr>{{/pages}}
    {{/facts}}
    </table>
    {{^facts}}<p class="small">{{t.device.noFacts}}</p>{{/facts}}
    {{#hasAttention}}<h2>{{t.col.attention}}</h2><ul class="attention">{{#attention}}<li>{{.}}</li>{{/attention}}</ul>{{/hasAttention}}
    {{#hasSupplies}}<h2>{{t.device.supplies}}</h2>
    <table class="supplies">{{#supplies}}<tr><td>{{name}}</td><td><meter min="0" max="100" low="15" optimum="100" value="{{level}}">{{level}}%</meter></td><td>{{levelText}}</td></tr>{{/supplies}}</table>{{/hasSupplies}}
    {{#hasDisks}}<h2>{{t.device.disks}}</h2>
    <table class="supplies">{{#disks}}<tr><td>{{name}}</td><td><meter min="0" max="100" high="90" optimum="0" value="{{used}}">{{used}}%</meter></td><td>{{usedText}}</td></tr>{{/disks}}</table>{{/hasDisks}}
    <h2>{{t.device.chart30}}</h2>
    {{{chart30}}}
    <h2>{{t.device.chartPeriod}} ({{periodName}})</h2>
    {{{chartPeriod}}}
    <h2 id="mark">{{t.mark.title}}</h2>
    {{#canMark}}<form method="post" action="/devices/{{path}}/mark" class="mark">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    {{>markForm}}
    </form>{{/canMark}}
    {{^canMark}}{{^retired}}<p><a href="/login">{{t.mark.login}}</a></p>{{/retired}}{{/canMark}}
    {{#canAdmin}}<p><a href="/devices/{{path}}/edit">{{t.device.edit}}</a></p>{{/canAdmin}}
    <h2>{{t.device.history}}</h2>
    <table class="history">{{#history}}<tr><td>{{time}}</td><td>{{what}}</td><td>{{text}}</td><td>{{who}}</td></tr>{{/history}}</table>

    """

    static let login = """
    {{#problem}}<p class="problem">{{problem}}</p>{{/problem}}
    <form method="post" action="/login" class="login">
    <input type="hidden" name="next" value="{{next}}">
    <label>{{t.login.name}} <input name="name" required maxlength="64" autocomplete="username" value="{{name}}"></label>
    <label>{{t.login.password}} <input name="password" type="password" required maxlength="200" autocomplete="current-password"></label>
    <button>{{t.login.submit}}</button>
    </form>

    """

    static let report = """
    <form method="get" action="/report" class="filter">
    <label>{{t.report.halfYear}} <select name="period"><option value="">—</option>{{#periods}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/periods}}</select></label>
    <label>{{t.report.from}} <input type="date" name="from" value="{{from}}"></label>
    <label>{{t.report.to}} <input type="date" name="to" value="{{to}}"></label>
    <button>{{t.report.show}}</button>
    </form>
    {{#problem}}<p class="problem">{{problem}}</p>{{/problem}}
    {{#text}}
    <p>{{t.report.download}}: {{#downloads}}<a href="{{href}}" download>{{label}}</a> {{/downloads}}</p>
    <pre class="report">{{text}}</pre>
    {{/text}}

    """

    static let devices = """
    <p><a href="/devices.csv" download>{{t.devices.download}}</a></p>
    <table class="devices">
    <thead><tr><th>{{t.col.name}}</th><th>{{t.col.kind}}</th><th>{{t.col.address}}</th><th>{{t.col.location}}</th><th>{{t.col.condition}}</th><th>{{t.col.note}}</th>{{#canAdmin}}<th>{{t.col.actions}}</th>{{/canAdmin}}</tr></thead>
    <tbody>
    {{#rows}}<tr><td><a href="/devices/{{path}}">{{name}}</a></td><td>{{kind}}</td><td>{{address}}</td><td>{{location}}</td><td>{{condition}}</td><td>{{note}}</td>{{#canAdmin}}<td><a href="/devices/{{path}}/edit">{{t.device.edit}}</a></td>{{/canAdmin}}</tr>
    {{/rows}}
    </tbody>
    </table>
    {{#canAdmin}}
    <h2 id="import">{{t.devices.upload}}</h2>
    {{#importProblem}}<div class="problem"><p>{{importHeadline}}</p><ul>{{#importLines}}<li>{{.}}</li>{{/importLines}}</ul></div>{{/importProblem}}
    <form method="post" action="/devices/import" enctype="multipart/form-data">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <label>{{t.devices.file}} <input type="file" name="file" accept=".csv,text/csv" required></label>
    <button>{{t.devices.uploadSubmit}}</button>
    <p class="small">{{t.devices.uploadHelp}}</p>
    </form>
    <h2 id="add">{{t.devices.add}}</h2>
    {{#addProblem}}<p class="problem">{{addProblem}}</p>{{/addProblem}}
    <form method="post" action="/devices" class="add">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <label>{{t.col.name}} <input name="name" required maxlength="100"></label>
    <label>{{t.col.kind}} <select name="kind">{{#kindOptions}}<option value="{{value}}">{{label}}</option>{{/kindOptions}}</select></label>
    <label>{{t.col.address}} <input name="address" maxlength="64"></label>
    <label>{{t.col.location}} <input name="location" maxlength="200"></label>
    <label>{{t.col.condition}} <select name="condition">{{#conditionOptions}}<option value="{{value}}">{{label}}</option>{{/conditionOptions}}</select></label>
    <label>{{t.col.note}} <input name="note" maxlength="2000"></label>
    <button>{{t.devices.addSubmit}}</button>
    </form>
    {{/canAdmin}}
    {{^canAdmin}}<p class="small">{{t.devices.adminOnly}}</p>{{/canAdmin}}

    """

    static let edit = """
    {{#problem}}<p class="problem">{{problem}}</p>{{/problem}}
    <form method="post" action="/devices/{{path}}/edit" class="add">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <label>{{t.col.name}} <input name="name" required maxlength="100" value="{{name}}"></label>
    <label>{{t.col.kind}} <select name="kind">{{#kindOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kindOptions}}</select></label>
    <label>{{t.col.address}} <input name="address" maxlength="64" value="{{address}}"></label>
    <label>{{t.col.location}} <input name="location" maxlength="200" value="{{location}}"></label>
    <label>{{t.col.note}} <input name="note" maxlength="2000" value="{{note}}"></label>
    <button>{{t.devices.editSubmit}}</button>
    </form>
    <form method="post" action="/devices/{{path}}/retire">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <button class="danger">{{t.devices.retireConfirm}}</button>
    </form>

    """

    static let message = """
    <p class="problem">{{message}}</p>
    <p><a href="{{back}}">{{t.error.back}}</a></p>

    """

    static let stylesheet = """
    body{font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
    header{background:#0b4f8a;color:#fff;padding:.5em 1em}header a,header button{color:#fff;margin-right:1em}
    header button{background:none;border:1px solid #fff;cursor:pointer}
    .right{float:right}.inline{display:inline}main{padding:1em}
    table{border-collapse:collapse;margin:.5em 0}th,td{border-bottom:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
    td{max-width:40em;overflow-wrap:anywhere}
    tr.down td{background:#fde8e8}tr.unknown td{background:#fff6e0}.c-broken{color:#b00020;font-weight:bold}.c-degraded{color:#a15c00}
    .problem{background:#fde8e8;border-left:4px solid #b00020;padding:.5em}.notice{background:#e6f4ea;border-left:4px solid #1e7e34;padding:.5em}
    .small{color:#555;font-size:.9em}.kind{margin-right:1em}label{margin-right:1em}form.mark,form.add,form.login{margin:.5em 0}
    form.add label,form.login label{display:block;margin:.3em 0}pre.report{white-space:pre-wrap;background:#fff;border:1px solid #ddd;padding:1em}
    .descr{font-family:monospace;font-size:.9em}.danger{color:#b00020}svg{max-width:100%;height:auto}
    """
}
