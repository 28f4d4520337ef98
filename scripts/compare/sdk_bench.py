"""The openstacksdk peer in compare.sh: one operation per process, as a user's script would run it.

    sdk_bench.py URL TOKEN download ID OUTPUT   conn.image.download_image(stream=True, 1 MiB chunks) into OUTPUT
    sdk_bench.py URL TOKEN upload ID FILE       Image.upload: PUT FILE as the data of the queued image ID
    sdk_bench.py URL TOKEN list                 every image through conn.image.images() (the SDK's paging)
    sdk_bench.py URL TOKEN show ID              conn.image.get_image(ID)

Run with /usr/bin/python3 (Debian's python3-openstacksdk). The dev Glance takes the token as is, so the SDK's
admin_token plugin (a fixed endpoint, which must end in /v2, and a fixed token) is all the authentication needed.
"""
import sys

import openstack


def main(argv):
    url, token, op, *args = argv
    conn = openstack.connect(auth_type='admin_token', auth={'endpoint': url.rstrip('/') + '/v2', 'token': token})
    if op == 'download':
        # The SDK's default chunk_size is 1 KiB, which costs it seconds per GiB; 1 MiB is what a careful user passes.
        with open(args[1], 'wb') as output:
            conn.image.download_image(args[0], stream=True, output=output, chunk_size=1024 * 1024)
    elif op == 'upload':
        image = conn.image.get_image(args[0])
        with open(args[1], 'rb') as data:
            image.data = data
            image.upload(conn.image)
    elif op == 'list':
        count = sum(1 for _ in conn.image.images())
        print(count)
    elif op == 'show':
        print(conn.image.get_image(args[0]).id)
    else:
        raise SystemExit(f'sdk_bench.py: unknown operation {op!r}')


if __name__ == '__main__':
    main(sys.argv[1:])
