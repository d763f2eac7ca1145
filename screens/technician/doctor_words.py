"""`kiosk doctor` on the technician screen in words (issue 17 items 8-9).

doctor.py is Qt-free and its command-line report stays English; the screen puts its check names, the state part
of each detail and each fix in words. Values (paths, numbers, error names), commands (`…`) and configuration keys
([…]) are kept as they are typed. The patterns mirror the messages of kiosk/appliance/doctor.py;
tests/shell/test_technician_words.py fails when a fix the station check gives has no words here.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP

from screens.technician.words import detail_words, device_name, device_state, from_patterns, translate


def check_name(name: str) -> str:
    if name.startswith("device "):
        return device_name(name.removeprefix("device "))
    if name.startswith("font "):
        return translate("TechnicianWords", "font %1").replace("%1", name.removeprefix("font "))
    names = {
        "config": translate("TechnicianWords", "Configuration"),
        "technician PIN": translate("TechnicianWords", "Technician PIN"),
        "station": translate("TechnicianWords", "Station"),
        "hub address": translate("TechnicianWords", "Hub address"),
        "hub": translate("TechnicianWords", "Hub"),
        "hub TLS": translate("TechnicianWords", "Hub certificate"),
        "enrolment": translate("TechnicianWords", "Enrolment"),
        "clock": translate("TechnicianWords", "Clock"),
        "disk": translate("TechnicianWords", "Disk"),
        "queue": translate("TechnicianWords", "Submission queue"),
        "services": translate("TechnicianWords", "Services"),
        "catalogue": translate("TechnicianWords", "Procedure catalogue"),
    }
    return names.get(name, device_name(name))


_CHECK_DETAILS = (
    (re.compile(r"^missing: (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "missing: %1")),
    (re.compile(r"^offline: (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "not answering: %1")),
    (re.compile(r"^unreachable: (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "unreachable: %1")),
    (re.compile(r"^reachable \((.+)\)$"), QT_TRANSLATE_NOOP("TechnicianWords", "reachable (%1)")),
    (re.compile(r"^unusable: (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "unusable: %1")),
    (re.compile(r"^simulated \((.+)\)$"), QT_TRANSLATE_NOOP("TechnicianWords", "simulated (%1)")),
    (re.compile(r"^answering on (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "answering on %1")),
    (re.compile(r"^unplugged while talking: (.+)$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "unplugged while talking: %1")),
    (re.compile(r"^the sample station (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "the sample station %1")),
    (re.compile(r"^enrolled as (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "enrolled as %1")),
    (re.compile(r"^certificate not valid: (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "certificate not valid: %1")),
    (re.compile(r"^cannot open: (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "cannot open: %1")),
    (re.compile(r"^check failed: (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "check failed: %1")),
    (re.compile(r"^([0-9]+) MiB free$"), QT_TRANSLATE_NOOP("TechnicianWords", "%1 MiB free")),
    (re.compile(r"^only ([0-9]+) MiB free for (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "only %1 MiB free for %2")),
    (re.compile(r"^cannot read (.+?): (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "cannot read %1: %2")),
    (re.compile(r"^([0-9]+) waiting$"), QT_TRANSLATE_NOOP("TechnicianWords", "%1 waiting")),
    (re.compile(r"^([0-9]+) waiting \(oldest (.+)\)$"), QT_TRANSLATE_NOOP("TechnicianWords", "%1 waiting (oldest %2)")),
    (re.compile(r"^([0-9]+) unsent, the oldest for (.+)$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "%1 unsent, the oldest for %2")),
    (re.compile(r"^([0-9]+) rejected submission\(s\)$"), QT_TRANSLATE_NOOP("TechnicianWords", "%1 rejected")),
    (re.compile(r"^([+-][0-9]+) s from the hub$"), QT_TRANSLATE_NOOP("TechnicianWords", "%1 s from the hub")),
    (re.compile(r"^([0-9]+) procedures, snapshot of (.+)$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "%1 procedures, snapshot of %2")),
    (re.compile(r"^frame (.+) from (.+)$"), QT_TRANSLATE_NOOP("TechnicianWords", "picture %1 from %2")),
    (re.compile(r"^(.+) gives no picture$"), QT_TRANSLATE_NOOP("TechnicianWords", "%1 gives no picture")),
    (re.compile(r"^present on (.+) but silent for (.+) s$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "present on %1 but silent for %2 s")),
    (re.compile(r"^([0-9]+) bytes on (.+) but no valid (.+) frame \(([0-9]+) bad\)$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "%1 bytes on %2 but no valid %3 frame (%4 bad)")),
)


def check_detail(detail: str) -> str:
    """A doctor check's detail: its state in words, its values as they are."""
    fixed = {
        "valid": translate("TechnicianWords", "valid"),
        "set": translate("TechnicianWords", "set"),
        "not used": translate("TechnicianWords", "not used"),
        "simulated": translate("TechnicianWords", "simulated"),
        "running": translate("TechnicianWords", "running"),
        "online": translate("TechnicianWords", "switched on"),
        "online, paper ok": translate("TechnicianWords", "switched on, paper ok"),
        "online (this model does not report paper)": translate(
            "TechnicianWords", "switched on (this model does not report paper)"),
        "online, paper out": translate("TechnicianWords", "switched on, out of paper"),
        "online, paper nearly out": translate("TechnicianWords", "switched on, paper nearly out"),
        "certificate valid": translate("TechnicianWords", "certificate valid"),
        "still the demo PIN 1234": translate("TechnicianWords", "still the demo PIN 1234"),
        "a demo hub on this machine": translate("TechnicianWords", "a demo hub on this machine"),
        "no hub address": translate("TechnicianWords", "no hub address"),
        "this station has no hub token": translate("TechnicianWords", "this station has no hub token"),
        "not running under systemd": translate("TechnicianWords", "not running under systemd"),
        "missing or unreadable": translate("TechnicianWords", "missing or unreadable"),
        "Vietnamese text renders": translate("TechnicianWords", "Vietnamese text renders"),
        "loaded": translate("TechnicianWords", "loaded"),
    }
    if detail in fixed:
        return fixed[detail]
    if detail in ("absent", "connecting", "ready", "busy", "fault"):
        return device_state(detail)
    text = from_patterns(_CHECK_DETAILS, detail)
    return detail if text is None else text


# the doctor's fixes: the words translated, the commands (`…`) and configuration keys ([…]) kept as typed
_CHECK_FIXES = (
    (re.compile(r"^make a PIN hash with (`.+`) and put it in (.+)$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "make a PIN hash with %1 and put it in %2")),
    (re.compile(r"^set (\[station\]) name, code and address to this station's$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "set %1 name, code and address to this station's")),
    (re.compile(r"^set (\[hub\] url) to the ward hub \(https://…\)$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "set %1 to the ward hub (https://…)")),
    (re.compile(r"^set (\[.+\] kind = \".+\") and (port|device) = (\".+\")$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "set %1 and %2 = %3")),
    (re.compile(r"^plug in the (.+?) and switch it on; (`.+?`) shows the adapters \(now: (.+)\); (`.+`) names an "
                r"unknown one (.+)$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "plug in the %1 and switch it on; %2 shows the adapters (now: %3); %4 names "
                                          "an unknown one %5")),
    (re.compile(r"^check (\[.+\]) protocol and baudrate match the device's manual$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "check %1 protocol and baudrate match the device's manual")),
    (re.compile(r"^switch the (.+) on \(some models talk only while measuring: start one\)$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "switch the %1 on (some models talk only while measuring: start one)")),
    (re.compile(r"^plug in the camera \(USB\); (`.+`) should show camera$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "plug in the camera (USB); %1 should show camera")),
    (re.compile(r"^reconnect the camera; check that it is not covered$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "reconnect the camera; check that it is not covered")),
    (re.compile(r"^set (\[printer\] kind) to usb, serial or network$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "set %1 to usb, serial or network")),
    (re.compile(r"^switch the printer on, check its cable and that the lid is shut$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "switch the printer on, check its cable and that the lid is shut")),
    (re.compile(r"^put in a new 80 mm thermal paper roll$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "put in a new 80 mm thermal paper roll")),
    (re.compile(r"^have a new paper roll ready; change it soon$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "have a new paper roll ready; change it soon")),
    (re.compile(r"^set (\[hub\] url), then (`.+`)$"), QT_TRANSLATE_NOOP("TechnicianWords", "set %1, then %2")),
    (re.compile(r"^(`.+`) with a code from the hub's kiosk page$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "%1 with a code from the hub's kiosk page")),
    (re.compile(r"^check the date and time, and (\[hub\] ca_bundle) if the ward uses its own CA$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "check the date and time, and %1 if the ward uses its own CA")),
    (re.compile(r"^check the network cable or Wi-Fi, and (\[hub\] url)$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "check the network cable or Wi-Fi, and %1")),
    (re.compile(r"^turn on time sync: (`.+`)$"), QT_TRANSLATE_NOOP("TechnicianWords", "turn on time sync: %1")),
    (re.compile(r"^check that the data folder exists$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "check that the data folder exists")),
    (re.compile(r"^free space: (`.+`), remove old files; new submissions need room$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "free space: %1, remove old files; new submissions need room")),
    (re.compile(r"^check the disk; the technician guide explains restoring the queue backup$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "check the disk; the technician guide explains restoring the queue backup")),
    (re.compile(r"^an operator must look at them: (`.+`)$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "an operator must look at them: %1")),
    (re.compile(r"^the hub has not taken them: check the hub checks above and (`.+`)$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "the hub has not taken them: check the hub checks above and %1")),
    (re.compile(r"^(`.+`); (`.+`) says why it stopped$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "%1; %2 says why it stopped")),
    (re.compile(r"^reinstall the package: (`.+`)$"), QT_TRANSLATE_NOOP("TechnicianWords", "reinstall the package: %1")),
    (re.compile(r"^reinstall the package; the procedures screens are off until then$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "reinstall the package; the procedures screens are off until then")),
    (re.compile(r"^fix the named setting; (`.+`) checks again$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "fix the named setting; %1 checks again")),
    (re.compile(r"^check the (.+)'s cable, power and paper; (`.+`) shows the adapters$"),
     QT_TRANSLATE_NOOP("TechnicianWords", "check the %1's cable, power and paper; %2 shows the adapters")),
)


def check_fix(fix: str) -> str:
    """A doctor check's fix in words; commands and configuration keys as they are typed."""
    def words(i: int, group: str) -> str:
        # the first value of "plug in the …", "switch the … on", "check the …'s cable" is a device
        return device_name(group) if i == 1 else detail_words().get(group, group)

    text = from_patterns(_CHECK_FIXES, fix, words)
    return fix if text is None else text
