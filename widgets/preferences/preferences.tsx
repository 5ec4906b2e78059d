import { topInterests, vetHttpUrl, warnOnce, type EventName, type TrackProps, type InterestKind, type Widget } from "../../src/index";
import type { VNode } from "preact";
import { createI18n } from "../i18n/index";
import { cleanText } from "../i18n/text";
import { renderInShadow } from "../mount";
import { BASE_CSS } from "../ui/base-css";
import { STRINGS } from "./strings";
import { CHANNEL_STRINGS } from "../channels/strings";
import { channelName, nameText } from "../channels/channel-name";
import { channelKey } from "../channels/order-channels";
import { validChannels } from "../channels/valid-channels";

/** Options of the preferences panel; `onClose` renders it as a modal dialog with a close button. */
export interface PreferencesOptions {
  onClose?: () => void;
}

const KINDS: InterestKind[] = ["category", "brand", "tag"];

const CSS =
  BASE_CSS +
  "h3{font-size:15px;margin:var(--s) 0 4px}li{display:flex;flex-wrap:wrap;align-items:center;gap:6px;padding-block:2px}" +
  "form,.x{display:flex;flex-wrap:wrap;gap:6px;margin-block:var(--s)}[aria-checked=true]{background:var(--a);color:var(--at)}" +
  // Forced colours drop the background: a check mark shows the state, and its empty alt text
  // keeps the switch's name (https://drafts.csswg.org/css-content-3/#alt).
  '[aria-checked=true]::before{content:"✓ "/""}' +
  "dialog{max-width:min(480px,100vw - 32px);max-height:90vh;overflow:auto;border:1px solid transparent;border-radius:var(--r);padding:16px;color:var(--t);background:var(--b)}dialog::backdrop{background:#0008}";

/**
 * The visitor's own view of their profile ("What this shop remembers about you"): interests with
 * remove and add, segments in plain sentences, recently viewed products, a personalisation switch,
 * "Download my data" (JSON) and "Erase everything" (after a confirm step). Updates after each action.
 * @example sk.mount(document.querySelector("#privacy"), preferences, {})
 */
export const preferences: Widget<PreferencesOptions> = (host, sk, options) => {
  const { t } = createI18n(sk, STRINGS, "preferences");
  // Channel names as the channel picker shows them, so "Why this order?" finds its answer here.
  const channelT = createI18n(sk, CHANNEL_STRINGS, "channels").t;
  let confirming = false;
  let said = "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const say = (s: string) => {
    said = s;
    m.update();
  };
  // The same text again is no change to a live region: empty it first, so every action is heard.
  const done = () => {
    say("");
    clearTimeout(timer);
    timer = setTimeout(say, 100, t("done"));
  };
  const act = <N extends EventName>(name: N, props: TrackProps<N>) => {
    sk.track(name, props);
    done();
  };
  // The pressed button is gone: focus goes to the one that took its place, else the one before it,
  // else the field for adding an interest, never to the page's <body>.
  const remove = (kind: InterestKind, value: string, k: number) => {
    act("interest_remove", { kind, value });
    const left = m.root.querySelectorAll<HTMLElement>("li > button");
    (left[k] || left[k - 1] || m.root.querySelector<HTMLElement>("[name=v]"))?.focus();
  };
  const fail = (e: unknown) => warnOnce("preferences", "preferences action failed", e);
  const focus = (sel: string) => m.root.querySelector<HTMLElement>(sel)?.focus();

  const add = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const value = cleanText(String(form.get("v") || ""), 60);
    const kind = form.get("k") as InterestKind;
    if (value && KINDS.includes(kind)) {
      (e.currentTarget as HTMLFormElement).reset();
      act("interest_add", { kind, value });
    }
  };
  const download = () =>
    sk.export().then((data) => {
      const a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      a.download = "shopkeeper-data.json";
      m.root.append(a);
      a.click();
      a.remove();
      // The download has started by now; revoking at once can cancel it in Firefox.
      setTimeout(() => URL.revokeObjectURL(a.href), 4e4);
      done();
    }, fail);
  const erase = () =>
    sk.forget().then(() => {
      confirming = false;
      done();
      focus("h2");
    }, fail);
  const ask = (on: boolean) => {
    confirming = on;
    m.update();
    focus(on ? ".p" : ".e");
  };

  // A titled list, left out when empty.
  const section = (head: string, items: VNode[]) =>
    !!items.length && (
      <>
        <h3>{t(head)}</h3>
        <ul>{items}</ul>
      </>
    );

  // The preferred channel by the name the pickers show it by.
  const contact = (pref: string) => {
    const list = validChannels(sk);
    const c = list.find((d) => channelKey(d, list) == pref);
    // One no longer configured here goes by its type's name ("whatsapp:+92…" is a second WhatsApp, see channelKey).
    return (
      <li>
        {nameText(c ? channelName(c, list, channelT) : [channelT(pref.split(":")[0]!)])}
      </li>
    );
  };

  const panel = () => {
    const p = sk.profile();
    const interests = topInterests(p, Date.now(), { limit: 12 });
    const segments = sk.segments().map((s) => t("s:" + s)).filter((s) => !s.startsWith("s:"));
    const viewed = p.viewed.filter((v) => v.title).slice(0, 6);
    return (
      <>
        <h2 id="h" tabIndex={-1}>
          {t("head")}
        </h2>
        <h3>{t("ints")}</h3>
        {interests.length ? (
          <ul>
            {interests.map(({ kind, value }, k) => (
              <li key={kind + value}>
                <bdi dir="auto">{cleanText(value, 80)}</bdi>
                <span class="mu" id={"k" + k}>
                  {t(kind)}
                </span>
                {/* Described by its kind: a category and a tag may share a name. */}
                <button aria-label={t("rm", { v: cleanText(value, 80) })} aria-describedby={"k" + k} onClick={() => remove(kind, value, k)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="mu">{t("none")}</p>
        )}
        <form onSubmit={add} aria-label={t("addL")}>
          <select name="k" aria-label={t("kind")}>
            {KINDS.map((k) => (
              <option value={k}>{t(k)}</option>
            ))}
          </select>
          {/* dir="auto": an Urdu or Arabic interest typed on an English page runs right to left. */}
          <input name="v" dir="auto" maxLength={60} aria-label={t("addL")} />
          <button>{t("add")}</button>
        </form>
        {section(
          "segs",
          segments.map((s) => <li>{s}</li>),
        )}
        {section(
          "contact",
          p.channel.preferred ? [contact(p.channel.preferred)] : [],
        )}
        {section(
          "viewed",
          viewed.map((v) => {
            const url = vetHttpUrl(v.url);
            const title = <bdi dir="auto">{cleanText(v.title!, 120)}</bdi>;
            return <li key={v.id}>{url ? <a href={url}>{title}</a> : title}</li>;
          }),
        )}
        <div class="x">
          <button role="switch" aria-checked={p.personalization} onClick={() => act("personalization", { enabled: !p.personalization })}>
            {t("on")}
          </button>
          <button onClick={download}>{t("dl")}</button>
          <button class="e" onClick={() => ask(true)}>
            {t("erase")}
          </button>
        </div>
        {confirming && (
          <div role="group" aria-labelledby="q" class="x">
            <p id="q">{t("sure")}</p>
            <button class="p" onClick={erase}>
              {t("erase")}
            </button>
            <button onClick={() => ask(false)}>{t("cancel")}</button>
          </div>
        )}
        {/* Keyed, so it stays the same element: a live region created or swapped in with its text is not announced. */}
        <p key="st" role="status" class="sr-only">
          {said}
        </p>
      </>
    );
  };

  const { onClose } = options;
  const m = renderInShadow(
    host,
    () =>
      onClose ? (
        // The browser closes a modal dialog on Escape; the page's own Escape handlers must not act too.
        <dialog part="dialog" aria-labelledby="h" onClose={onClose} onKeyDown={(e) => e.key == "Escape" && e.stopPropagation()}>
          <button class="c" onClick={onClose}>
            {t("close")}
          </button>
          {panel()}
        </dialog>
      ) : (
        panel()
      ),
    // Re-rendered once storage was read (else an empty profile shows until the next action), and
    // when other widgets and pages learn something: a product viewed, an interest changed in
    // another panel, a channel picked, a segment entered; or when the profile changed without an
    // event of this tab (another tab's change or erase, consent granted).
    { css: CSS, sk, cleanup: () => clearTimeout(timer), events: ["view_item", "interest_add", "interest_remove", "personalization", "channel_select", "segment_enter", "segment_leave", "profile_change"] },
  );
  sk.ready.catch(fail);
  const dialog = m.root.querySelector("dialog");
  if (dialog) dialog.showModal ? dialog.showModal() : dialog.setAttribute("open", "");
  return m.teardown;
};
