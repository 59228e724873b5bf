#!/bin/sh
# Makes this machine boot into the tebiki kiosk (run as root after installing the tebiki
# package): installs cage and Xwayland, creates the unprivileged user tebiki-kiosk, enables
# tebiki-kiosk.service on tty1 and boots to the graphical target. Undo: systemctl disable
# tebiki-kiosk.service && systemctl set-default multi-user.target.
set -eu
here=$(dirname "$0")
apt-get install -y --no-install-recommends cage xwayland
if ! id tebiki-kiosk >/dev/null 2>&1; then
  adduser --system --group --home /var/lib/tebiki-kiosk --shell /usr/sbin/nologin tebiki-kiosk
  usermod -a -G video,render,input tebiki-kiosk
fi
install -m 0644 "$here/tebiki-kiosk.service" /etc/systemd/system/tebiki-kiosk.service
systemctl daemon-reload
systemctl enable tebiki-kiosk.service
systemctl set-default graphical.target
echo "tebiki-kiosk: enabled. Set the admin PIN now:"
echo "  runuser -u tebiki-kiosk -- tebiki admin set-pin --data /var/lib/tebiki-kiosk/.local/share/tebiki"
echo "then reboot (or: systemctl start tebiki-kiosk.service)."
