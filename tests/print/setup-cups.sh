#!/bin/sh
# Idempotent CUPS setup for the print spooler test (CI runs it as root):
# start cupsd if needed and make sure the cups-pdf queue "PDF" exists and accepts jobs.
# Prints the cups-pdf output directory for root's jobs on its last line.
set -eu

QUEUE="${CUPS_PDF_QUEUE:-PDF}"
PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd

if ! command -v cupsd >/dev/null 2>&1 && [ ! -x /usr/sbin/cupsd ]; then
  echo "cupsd is not installed (apt-get install -y cups printer-driver-cups-pdf)" >&2
  exit 1
fi

if ! lpstat -r 2>/dev/null | grep -q "scheduler is running"; then
  /usr/sbin/cupsd
  i=0
  until lpstat -r 2>/dev/null | grep -q "scheduler is running"; do
    i=$((i + 1))
    if [ "$i" -gt 50 ]; then echo "cupsd did not start" >&2; exit 1; fi
    sleep 0.2
  done
fi

if ! lpstat -v "$QUEUE" >/dev/null 2>&1; then
  lpadmin -p "$QUEUE" -E -v cups-pdf:/ -P "$PPD"
fi
cupsenable "$QUEUE"
cupsaccept "$QUEUE"

# cups-pdf writes to "Out" of /etc/cups/cups-pdf.conf (default ${HOME}/PDF, HOME of the job owner).
OUT=$(sed -n 's/^Out[[:space:]]\{1,\}//p' /etc/cups/cups-pdf.conf | tail -n 1)
OUT=${OUT:-'${HOME}/PDF'}
HOMEDIR=$(getent passwd "$(id -un)" | cut -d: -f6)
echo "$OUT" | sed "s#\${HOME}#$HOMEDIR#"
