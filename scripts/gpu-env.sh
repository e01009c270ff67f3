#!/bin/sh
# Runs "$@" with the Vulkan environment WebGPU needs, when a driver is present. The Vulkan loader
# reads these variables once, when node starts, so they cannot be set from inside the process.
# Order: a driver the caller already chose; an NVIDIA driver; SwiftShader (CPU Vulkan, for machines
# without a GPU: Debian's chromium package installs it in /usr/lib/chromium, or chromium-common
# unpacked to /opt/chromium-common without root); otherwise nothing (webgpu unavailable).
swiftshader_dir=${BAIHUA_SWIFTSHADER_DIR:-/opt/chromium-common/usr/lib/chromium}
if [ -z "${BAIHUA_SWIFTSHADER_DIR:-}" ] && [ ! -f "$swiftshader_dir/vk_swiftshader_icd.json" ]; then
  swiftshader_dir=/usr/lib/chromium
fi
nvidia_icd=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
if [ -n "${VK_DRIVER_FILES:-}" ] || [ -n "${VK_ICD_FILENAMES:-}" ]; then
  :
elif [ -f "$nvidia_icd" ]; then
  export VK_DRIVER_FILES="$nvidia_icd"
elif [ -f "$swiftshader_dir/vk_swiftshader_icd.json" ]; then
  export VK_DRIVER_FILES="$swiftshader_dir/vk_swiftshader_icd.json"
  export LD_LIBRARY_PATH="$swiftshader_dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi
exec "$@"
